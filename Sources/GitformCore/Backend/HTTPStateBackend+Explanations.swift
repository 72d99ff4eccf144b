import Foundation

extension HTTPStateBackend {
  /// The error for an answer that is not a success for `operation`: Terraform's words for any
  /// server, and for GitLab what its status means there — which role or scope is missing, who
  /// holds the lock, why a serial was refused.
  func explain(_ response: GitLabResponse, _ operation: Operation, retries: Int) -> BackendError {
    let body = BackendErrorBody(response.body)
    let status = response.status
    let summary = "Failed to \(operation.rawValue)"
    var detail: String
    var code: BackendError.Code = .unexpectedStatus
    switch status {
    case 300..<400:
      let target = response.header("Location").flatMap(URL.init(string:)).map(
        HTTPBackendSettings.display)
      detail =
        "\(settings.displayAddress) answered \(status) and redirects to \(target ?? "another address"). "
        + "gitform does not follow redirects (they could carry the credentials elsewhere); set the "
        + "address to the final URL."
    case 401:
      code = .unauthorized
      detail =
        "HTTP remote state endpoint requires auth: \(settings.displayAddress) answered 401."
        + body.quoted + " " + unauthorizedAdvice(body)
    case 403:
      code = .forbidden
      detail =
        "HTTP remote state endpoint invalid auth: \(settings.displayAddress) answered 403."
        + body.quoted + " " + forbiddenAdvice(body, operation)
    case 404:
      code = .notFound
      detail =
        "\(settings.displayAddress) answered 404." + body.quoted + " " + notFoundAdvice(body)
    case 413:
      code = .tooLarge
      detail = "The state is larger than \(settings.displayAddress) accepts (413)." + body.quoted
      if case .gitLab = settings.server {
        detail +=
          " A GitLab administrator can raise max_terraform_state_size_bytes in the instance's settings."
      }
    case 422
    where operation == .write && body.message != "No serial in payload"
      && body.message != "invalid JSON"
      && !(body.message ?? "").hasSuffix("StateDeletedError"):
      code = .staleSerial
      detail =
        "The server refused the state (422): it already stores a version with this serial."
        + body.quoted
        + " Someone else wrote this state since gitform read it (or the lock was bypassed with "
        + "-lock=false). Nothing was overwritten; run the command again so that it works from the "
        + "current state."
    case 422 where (body.message ?? "").hasSuffix("StateDeletedError"):
      code = .deleted
      detail =
        "GitLab is deleting this state (422 StateDeletedError); it cannot be read or written "
        + "until the deletion finishes. Wait a minute, or use another state name."
    case 422:
      code = .invalidState
      detail = "The server refused the state (422)." + body.quoted
    case 409 where operation == .write || operation == .delete:
      detail =
        "\(settings.displayAddress) answered 409 Conflict." + body.quoted
        + " Another process is changing this state; run the command again."
    case 500 where operation == .write && isGitLab:
      code = .serverError
      detail =
        "GitLab answered 500 Internal Server Error\(after(retries)). On the state write route "
        + "GitLab answers so when the lock ID sent does not match the state's lock: someone else "
        + "holds the lock, or gitform's lock was removed (force-unlock) while it ran. Check who "
        + "holds the lock, then run the command again."
    case 500..<600:
      code = .serverError
      detail =
        "HTTP remote state internal server error: \(settings.displayAddress) answered "
        + "\(status)\(after(retries))." + body.quoted + " Try again later."
    default:
      detail =
        "Unexpected HTTP response code \(status) from \(settings.displayAddress)." + body.quoted
    }
    return BackendError(
      code: code, summary: summary, detail: detail, status: status, secrets: [settings.password])
  }

  var isGitLab: Bool {
    if case .gitLab = settings.server { return true }
    return false
  }

  func after(_ retries: Int) -> String {
    retries == 0 ? "" : " (after \(retries) \(retries == 1 ? "retry" : "retries"))"
  }

  func unauthorizedAdvice(_ body: BackendErrorBody) -> String {
    guard case .gitLab(_, _, let jobToken) = settings.server else {
      return settings.username.isEmpty
        ? "Set username and password (or TF_HTTP_USERNAME and TF_HTTP_PASSWORD)."
        : "Check username and password (or TF_HTTP_USERNAME and TF_HTTP_PASSWORD)."
    }
    if jobToken {
      return "GitLab did not accept the CI job token (sent as gitlab-ci-token). A job token is "
        + "valid only while its job runs; set GITLAB_TOKEN to an access token to use another one."
    }
    if body.oauthError == "invalid_token" {
      return "The token in GITLAB_TOKEN (or the provider's token) is no longer valid; create a "
        + "new one with the api scope."
    }
    return "GitLab did not accept the token in GITLAB_TOKEN (or the provider's token): it is "
      + "unknown to this GitLab. Use a personal, project or group access token with the api scope."
  }

  func forbiddenAdvice(_ body: BackendErrorBody, _ operation: Operation) -> String {
    guard case .gitLab(let project, _, let jobToken) = settings.server else {
      return "The credentials were accepted but may not \(operation.rawValue)."
    }
    if body.oauthError == "insufficient_scope" {
      let accepted = body.scope.map { " (GitLab accepts: \($0))" } ?? ""
      return "The token lacks the scope for this request\(accepted): create a token with the api "
        + "scope (read_api is not enough to lock or write state)."
    }
    if let message = body.message, message.contains("CI/CD job token") {
      return "Add this job's project to the inbound job token allowlist of \(project) (Settings > "
        + "CI/CD > Job token permissions), or set GITLAB_TOKEN to an access token."
    }
    let who = jobToken ? "the user who runs this CI job" : "the token's user"
    switch operation {
    case .read:
      return "Reading GitLab-managed state needs at least the Developer role on \(project) for "
        + "\(who). (GitLab also answers 403 when Terraform state is disabled on the instance.)"
    case .write, .lock, .unlock, .delete:
      return "To \(operation.rawValue) GitLab needs the Maintainer role on \(project) for \(who) "
        + "(admin_terraform_state); a Developer may only read it, so plan with -lock=false works "
        + "but locking and writing do not."
    }
  }

  func notFoundAdvice(_ body: BackendErrorBody) -> String {
    guard case .gitLab(let project, _, _) = settings.server else {
      return "Check the address."
    }
    guard body.message == "404 Project Not Found" else {
      return "This is not GitLab's answer for a missing state: check the GitLab URL (the "
        + "provider's base_url, GITLAB_BASE_URL or CI_API_V4_URL) and the project."
    }
    return "GitLab has no project \(project) that the credentials can see: check project in the "
      + "backend \"gitlab\" block (a full path such as group/project, or the numeric ID) and the "
      + "token's membership."
  }
}
