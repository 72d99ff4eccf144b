import Foundation

/// One HTTP/1.1 request as the emulator's server hands it to the API.
///
/// The server has already decoded the framing (Content-Length or chunked, `Expect:
/// 100-continue`); `body` is the complete entity. `path` is the raw, still percent-encoded
/// path without the query (GitLab distinguishes `a%2Fb` from `a/b`), `query` the raw text
/// after `?` (nil when there is none).
public struct HTTPRequest: Sendable {
  public var method: String
  public var path: String
  public var query: String?
  /// Header fields in arrival order; names keep their original case.
  public var headers: [(name: String, value: String)]
  public var body: Data
  /// The peer address, for logs only.
  public var remoteAddress: String

  public init(
    method: String, path: String, query: String?, headers: [(name: String, value: String)],
    body: Data, remoteAddress: String = ""
  ) {
    self.method = method
    self.path = path
    self.query = query
    self.headers = headers
    self.body = body
    self.remoteAddress = remoteAddress
  }

  /// The first value of a header, matched case-insensitively.
  public func header(_ name: String) -> String? {
    headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
  }
}

/// What the API answers. The server adds `Content-Length`, `Date` and `Connection` itself.
public struct HTTPResponse: Sendable {
  public var status: Int
  public var headers: [(name: String, value: String)]
  public var body: Data
  /// When true the server closes the connection without writing anything: the emulator's
  /// "lost response" fault, where the change is committed but the client never hears of it.
  public var dropConnection: Bool

  public init(
    status: Int, headers: [(name: String, value: String)] = [], body: Data = Data(),
    dropConnection: Bool = false
  ) {
    self.status = status
    self.headers = headers
    self.body = body
    self.dropConnection = dropConnection
  }
}

/// The seam between the HTTP server and the GitLab API it serves. Called concurrently from
/// many connection threads; implementations synchronise their own state.
public protocol HTTPHandler: Sendable {
  func handle(_ request: HTTPRequest) -> HTTPResponse
}
