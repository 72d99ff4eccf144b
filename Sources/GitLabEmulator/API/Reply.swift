import Foundation

/// What a route handler answers before the API turns it into an `HTTPResponse`.
struct Reply: Sendable {
  enum Body: Sendable {
    case json(JSONValue)
    /// Raw bytes (Terraform state files), with their content type.
    case raw(Data, contentType: String)
    case empty
  }

  var status: Int
  var body: Body
  var headers: [(name: String, value: String)] = []

  static func json(_ value: JSONValue, status: Int = 200) -> Reply {
    Reply(status: status, body: .json(value))
  }

  static let noContent = Reply(status: 204, body: .empty)

  static func empty(_ status: Int) -> Reply { Reply(status: status, body: .empty) }
}
