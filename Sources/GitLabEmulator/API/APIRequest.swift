import Foundation

/// The authenticated caller: the user and what authenticated it — an access token, or the
/// CI job token of a running job (which then acts as the job's user).
struct Caller: Sendable {
  var user: UserRecord
  var accessToken: TokenRecord?
  var job: JobRecord?

  /// The access token that authenticated; routes that need one never accept job tokens, so
  /// reaching this with a job is a 401 like any unknown token.
  func token() throws -> TokenRecord {
    guard let accessToken else { throw APIError.unauthorized }
    return accessToken
  }
}

/// A request as route handlers see it: decoded path parameters, merged parameters, the
/// caller (if any), the emulator clock's time and the base URL for links.
struct APIRequest: Sendable {
  let http: HTTPRequest
  let route: Route
  let pathParameters: [String: String]
  let params: Parameters
  let now: Date
  var caller: Caller?

  var today: CalendarDay { CalendarDay(containing: now) }

  /// `http://<Host header>`: links point back at whatever address the client used.
  var webBase: String { "http://" + (http.header("Host") ?? "127.0.0.1") }

  /// A path parameter (always present when the route matched).
  func path(_ name: String) -> String { pathParameters[name] ?? "" }

  /// An integer path parameter; Grape's `"<name> is invalid"` otherwise.
  func pathInt(_ name: String) throws -> Int {
    guard let number = Int(path(name)) else { throw APIError.parameter("\(name) is invalid") }
    return number
  }

  /// `authenticate!`: 401 without a caller.
  func requireCaller() throws -> Caller {
    guard let caller else { throw APIError.unauthorized }
    return caller
  }

  /// `authenticated_as_admin!`: 401 without a caller, 403 for non-admins.
  @discardableResult
  func requireAdmin() throws -> Caller {
    let caller = try requireCaller()
    guard caller.user.isAdmin else { throw APIError.forbidden() }
    return caller
  }

  var isAdmin: Bool { caller?.user.isAdmin ?? false }
}
