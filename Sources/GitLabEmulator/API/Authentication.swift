import Foundation

/// Finds and validates the token of a request, in GitLab's order and with its exact errors.
///
/// Sources, first match wins: `Authorization: Bearer`, `PRIVATE-TOKEN`, `private_token=`, and
/// HTTP Basic (password = token) only on routes that allow it. Validation order is GitLab's
/// `AccessTokenValidationService`: expired, then revoked, then scope. Using a revoked token
/// on a rotate route revokes the token's whole family first (reuse detection, §2.9).
enum Authentication {
  /// The presented token text, if any.
  static func credential(of request: HTTPRequest, params: Parameters, basicAllowed: Bool)
    -> String?
  {
    let authorization = request.header("Authorization")
    if let authorization, authorization.lowercased().hasPrefix("bearer ") {
      return String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces)
    }
    if let token = request.header("PRIVATE-TOKEN") { return token }
    if let token = params["private_token"]?.stringValue { return token }
    if basicAllowed, let authorization, authorization.lowercased().hasPrefix("basic "),
      let decoded = Data(base64Encoded: String(authorization.dropFirst(6))
        .trimmingCharacters(in: .whitespaces)),
      let text = String(data: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":")
    {
      // The username is ignored, as GitLab's `find_personal_access_token_from_http_basic_auth`.
      return String(text[text.index(after: colon)...])
    }
    return nil
  }

  /// Resolves the caller of `request` (nil when anonymous) or throws GitLab's error.
  static func authenticate(_ request: inout APIRequest, data: inout StoreData) throws {
    if let job = try JobTokenAuthentication.job(of: request, data) {
      guard let user = data.users[job.userID] else { throw APIError.unauthorized }
      request.caller = Caller(user: user, accessToken: nil, job: job)
      return
    }
    guard
      let presented = credential(
        of: request.http, params: request.params, basicAllowed: request.route.allowsBasicAuth)
    else { return }
    guard let token = data.token(withValue: presented), let user = data.users[token.userID]
    else { throw APIError.unauthorized }
    if token.isExpired(at: request.now) { throw APIError.expiredToken }
    if token.revoked {
      if isRotationRequest(request.http.path) { data.revokeFamily(of: token.id, now: request.now) }
      throw APIError.revokedToken
    }
    // `UserAccessDeniedReason`: the user's tokens stay listed and unrevoked, but stop working.
    if user.isBlocked { throw APIError.forbidden("Your account has been blocked.") }
    if user.state == "deactivated" {
      throw APIError.forbidden(
        "Your account has been deactivated by your administrator. "
          + "Please log back in to reactivate your account.")
    }
    if let accepted = request.route.acceptedScopes(for: request.http.method),
      !token.scopes.contains(where: accepted.contains)
    {
      throw APIError.insufficientScope(accepted)
    }
    data.recordUse(of: token.id, from: address(of: request.http.remoteAddress), now: request.now)
    // `Users::ActivityService`: at most one update per day.
    let today = CalendarDay(containing: request.now)
    if user.lastActivityOn != today { data.users[user.id]?.lastActivityOn = today }
    request.caller = Caller(user: data.users[user.id] ?? user, accessToken: data.tokens[token.id] ?? token)
  }

  /// GitLab's `%r{access_tokens/(\d+|self)/rotate$}` on the request path.
  static func isRotationRequest(_ path: String) -> Bool {
    let parts = path.split(separator: "/")
    guard parts.count >= 3, parts[parts.count - 1] == "rotate",
      parts[parts.count - 3].hasSuffix("access_tokens")
    else { return false }
    let id = parts[parts.count - 2]
    return id == "self" || (!id.isEmpty && id.allSatisfy { $0.isASCII && $0.isNumber })
  }

  /// The IP part of `host:port` (or `[v6]:port`).
  static func address(of remote: String) -> String {
    if remote.hasPrefix("["), let end = remote.firstIndex(of: "]") {
      return String(remote[remote.index(after: remote.startIndex)..<end])
    }
    if remote.filter({ $0 == ":" }).count == 1, let colon = remote.firstIndex(of: ":") {
      return String(remote[..<colon])
    }
    return remote
  }
}
