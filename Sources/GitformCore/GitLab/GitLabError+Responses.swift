import Foundation

/// Building `GitLabError`s from what happened to a request: the message catalogue.
extension GitLabError {
  /// An error status from GitLab, after any retries. `secrets` are scrubbed from what GitLab
  /// said (the request's own secrets always are).
  static func from(
    _ response: GitLabResponse, to request: GitLabRequest, attempts: Int,
    secrets: [SecretValue] = []
  ) -> GitLabError {
    let serverText = ServerText(secrets: request.sensitiveValues + secrets)
    let body = GitLabErrorBody(response.body, serverText: serverText)
    let status = response.status
    let said = "(HTTP \(status)\(body.text.map { ": " + $0 } ?? ""))"
    let gaveUp = attempts > 1 ? "; gave up after \(attempts) attempts" : ""
    let scopes = (body.acceptedScopes ?? "").split(separator: " ").map(String.init)
    let code: Code
    let message: String
    switch status {
    case 400, 422:
      code = .badRequest
      message =
        "GitLab rejected \(request.name) \(said). Correct the values it names in the "
        + "configuration and try again."
    case 401:
      code = .unauthorized
      message =
        "GitLab rejected the token for \(request.name) \(said). Check that the token (token in "
        + "the provider \"gitlab\" block, or GITLAB_TOKEN) is valid, not expired and not "
        + "revoked, and that its user may see what this request asks for."
    case 403 where body.oauthError == "insufficient_scope":
      code = .insufficientScope
      let wanted = scopes.isEmpty ? "api" : scopes.joined(separator: " or ")
      message =
        "The token lacks a scope needed for \(request.name) \(said). Use a token with the "
        + "\(wanted) scope."
    case 403:
      code = .forbidden
      message =
        "GitLab refused \(request.name) \(said). The token's user lacks the permission: user "
        + "and impersonation tokens need an administrator; project and group tokens and "
        + "variables need Maintainer (project) or Owner (group) rights."
    case 404:
      code = .notFound
      message =
        "GitLab found nothing for \(request.name) \(said). Check the id, path or key, and that "
        + "the token's user can see it."
    case 409:
      code = .conflict
      message =
        "GitLab reported a conflict for \(request.name) \(said). Resolve what it names (for a "
        + "variable key used in several environment scopes, give environment_scope) and retry."
    case 429:
      code = .rateLimited
      message =
        "GitLab rate-limited \(request.name) \(said)\(gaveUp). Wait and retry, or lower "
        + "-parallelism."
    case 500..<600:
      code = .serverError
      message =
        "GitLab failed on \(request.name) \(said)\(gaveUp). GitLab may be overloaded or "
        + "restarting; retry later."
    case 300..<400:
      code = .unexpectedStatus
      let target = response.header("Location").map { " to \(serverText.clean($0))" } ?? ""
      message =
        "GitLab answered \(request.name) with a redirect \(said)\(target); gitform follows "
        + "redirects of reads only, within base_url, so that the token never goes to another "
        + "address. If a project or group was renamed or moved, use its new path or "
        + "numeric id; otherwise check base_url."
    default:
      code = .unexpectedStatus
      message =
        "GitLab answered \(request.name) with an unexpected status \(said). Check that base_url "
        + "points at a GitLab API and that its version supports this request."
    }
    return GitLabError(
      code: code, message: message, status: status, request: request.name,
      gitLabMessage: body.text, fieldErrors: body.fieldErrors, acceptedScopes: scopes,
      attempts: attempts,
      retryAfter: status == 429
        ? RetryPolicy.retryAfterSeconds(response.header("Retry-After")) : nil)
  }

  /// No response, when the request may be retried or certainly had no effect.
  static func transport(
    _ failure: TransportFailure, request: GitLabRequest, baseURL: URL, attempts: Int,
    secrets: [SecretValue] = []
  ) -> GitLabError {
    let summary = ServerText(secrets: request.sensitiveValues + secrets).clean(failure.summary)
    let gaveUp = attempts > 1 ? " (after \(attempts) attempts)" : ""
    let hint: String
    switch failure.kind {
    case .tlsFailure:
      hint = "Check that GitLab's TLS certificate is valid and trusted by this system."
    case .hostNotFound:
      hint = "Check the host name in base_url (or GITLAB_BASE_URL)."
    default:
      hint =
        "Check base_url (or GITLAB_BASE_URL) and that GitLab is running and reachable from here."
    }
    return GitLabError(
      code: .transportFailure,
      message:
        "could not reach GitLab at \(baseURL.absoluteString): \(request.name) failed: "
        + "\(summary)\(gaveUp). \(hint)",
      request: request.name, attempts: attempts)
  }

  /// A create or rotate whose effect is unknown; `what` says what went wrong after sending it.
  static func outcomeUnknown(
    request: GitLabRequest, baseURL: URL, what: String, status: Int? = nil, attempts: Int,
    mayStillBeWorking: Bool = false
  ) -> GitLabError {
    let doubt = "GitLab at \(baseURL.absoluteString) may or may not have carried out \(request.name): \(what)"
    var error = GitLabError(
      code: .outcomeUnknown,
      message:
        doubt + ". gitform did not send it again, to avoid a duplicate; refresh (gitform plan) "
        + "to see what exists.",
      status: status, request: request.name, attempts: attempts)
    error.doubt = doubt
    error.mayStillBeWorking = mayStillBeWorking
    return error
  }

  /// A success status whose body is not what GitLab sends.
  static func malformed(
    request: GitLabRequest, status: Int, problem: String, attempts: Int
  ) -> GitLabError {
    GitLabError(
      code: .malformedResponse,
      message:
        "GitLab's answer to \(request.name) (HTTP \(status)) could not be read: \(problem). "
        + "Check that base_url points at a GitLab API (https://HOST or https://HOST/api/v4).",
      status: status, request: request.name, attempts: attempts)
  }
}
