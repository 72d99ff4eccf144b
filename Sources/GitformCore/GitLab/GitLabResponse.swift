import Foundation

/// GitLab's answer to one request: status, headers and body, before any interpretation.
public struct GitLabResponse: Sendable, Equatable {
  public var status: Int
  /// Header names lower-cased, so lookups ignore case as HTTP does.
  public private(set) var headers: [String: String]
  public var body: Data

  public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
    self.status = status
    self.body = body
    var lowered: [String: String] = [:]
    for (name, value) in headers { lowered[name.lowercased()] = value }
    self.headers = lowered
  }

  /// A header's value, matched case-insensitively.
  public func header(_ name: String) -> String? {
    headers[name.lowercased()]
  }

  public var isSuccess: Bool { (200..<300).contains(status) }
}
