import Foundation

/// A GitLab error response: status, JSON body in GitLab's exact shape, and extra headers.
///
/// The constructors mirror GitLab's helpers (`not_found!`, `bad_request!`, Grape validation
/// failures…) so handlers read like the Ruby code they emulate.
struct APIError: Error, Sendable {
  var status: Int
  var body: JSONValue
  var headers: [(name: String, value: String)] = []
  /// Sent instead of the JSON body when set: the few GitLab answers that are plain text.
  var plainText: String?

  static func message(_ status: Int, _ text: String) -> APIError {
    APIError(status: status, body: .object([("message", .string(text))]))
  }

  /// `not_found!(resource)`: `404 <Resource> Not Found`.
  static func notFound(_ resource: String? = nil) -> APIError {
    message(404, resource.map { "404 \($0) Not Found" } ?? "404 Not Found")
  }

  /// `ActiveRecord::RecordNotFound` escaping: note the lower-case "found".
  static let recordNotFound = message(404, "404 Not found")
  static let unauthorized = message(401, "401 Unauthorized")
  /// The catch-all for unmatched routes uses the `error` key.
  static let noRoute = APIError(status: 404, body: .object([("error", .string("404 Not Found"))]))

  /// `MovedPermanentlyError` for a GET on a moved project's old path: 301, a `Location` on
  /// the numeric id, and a plain-text body.
  static func movedPermanently(to location: String) -> APIError {
    APIError(
      status: 301, body: .null, headers: [("Location", location)],
      plainText: "This resource has been moved permanently to \(location)")
  }

  /// Any other method on a moved project's old path.
  static let movedProjectWrite = message(405, "Non GET methods are not allowed for moved projects")

  static func forbidden(_ reason: String? = nil) -> APIError {
    message(403, reason.map { "403 Forbidden - \($0)" } ?? "403 Forbidden")
  }

  /// `bad_request!`: note the lower-case "request".
  static func badRequest(_ reason: String? = nil) -> APIError {
    message(400, reason.map { "400 Bad request - \($0)" } ?? "400 Bad request")
  }

  /// A Grape parameter failure: `{"error": "name is missing"}`.
  static func parameter(_ text: String) -> APIError {
    APIError(status: 400, body: .object([("error", .string(text))]))
  }

  /// `render_validation_error!`: `{"message": {"attr": ["error", …]}}`.
  static func validation(_ errors: [(String, [String])]) -> APIError {
    APIError(
      status: 400,
      body: .object([
        ("message", .object(errors.map { ($0.0, .array($0.1.map(JSONValue.string))) }))
      ]))
  }

  /// An OAuth-style failure from `APIGuard`: `{"error": …, "error_description": …}`.
  static func invalidToken(_ description: String) -> APIError {
    APIError(
      status: 401,
      body: .object([
        ("error", .string("invalid_token")), ("error_description", .string(description)),
      ]),
      headers: [
        ("WWW-Authenticate",
         "Bearer realm=\"\", error=\"invalid_token\", error_description=\"\(description)\"")
      ])
  }

  static let expiredToken = invalidToken(
    "Token is expired. You can either do re-authorization or token refresh.")
  static let revokedToken = invalidToken(
    "Token was revoked. You have to re-authorize from the user.")

  static func insufficientScope(_ accepted: [String]) -> APIError {
    let description = "The request requires higher privileges than provided by the access token."
    return APIError(
      status: 403,
      body: .object([
        ("error", .string("insufficient_scope")), ("error_description", .string(description)),
        ("scope", .string(accepted.joined(separator: " "))),
      ]),
      headers: [
        ("WWW-Authenticate",
         "Bearer realm=\"\", error=\"insufficient_scope\", error_description=\"\(description)\", "
           + "scope=\"\(accepted.joined(separator: " "))\"")
      ])
  }
}
