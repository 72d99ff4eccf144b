import Foundation

/// CI job tokens (§4 of the CI reference): `glcbt-` secrets valid while their job runs,
/// acting as the job's user. Accepted only where the route allows them and only in the
/// forms it allows; anywhere else a job token is ignored (an anonymous request) or looked
/// up as an access token — either way the usual 401.
enum JobTokenAuthentication {
  static let prefix = "glcbt-"
  /// `Gitlab::Auth::CI_JOB_USER`: the only Basic username that carries a job token.
  static let basicUsername = "gitlab-ci-token"

  /// The running job whose token `request` presents in a form its route accepts; nil when
  /// it presents none (other credentials are then checked as usual). A presented job token
  /// whose job is unknown or finished is a 401.
  static func job(of request: APIRequest, _ data: StoreData) throws -> JobRecord? {
    guard let presented = presentedToken(request) else { return nil }
    guard let job = data.jobs.values.first(where: { $0.token == presented }), job.running else {
      throw APIError.unauthorized
    }
    return job
  }

  private static func presentedToken(_ request: APIRequest) -> String? {
    let http = request.http
    let authorization = http.header("Authorization") ?? ""
    switch request.route.jobTokens {
    case .none:
      return nil
    case .basicAuth:
      if authorization.lowercased().hasPrefix("basic "),
        let decoded = Data(base64Encoded: String(authorization.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
        let text = String(data: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":"),
        text[..<colon] == basicUsername
      {
        return String(text[text.index(after: colon)...])
      }
    case .request:
      if let header = http.header("JOB-TOKEN") { return header }
      if let token = request.params["job_token"]?.stringValue ?? request.params["token"]?.stringValue {
        return token
      }
    }
    // `find_user_from_job_bearer_token` (newest GitLab): any route that takes job tokens.
    if authorization.lowercased().hasPrefix("bearer ") {
      let token = String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces)
      if token.hasPrefix(prefix) { return token }
    }
    return nil
  }

  /// `handle_job_token_failure!`: a job may reach only its own project (the default inbound
  /// allowlist).
  static func checkScope(_ caller: Caller?, reaching project: ProjectRecord, _ data: StoreData)
    throws
  {
    guard let job = caller?.job, job.projectID != project.id else { return }
    let source = data.projects[job.projectID]?.path ?? ""
    throw APIError.forbidden(
      "Authentication by CI/CD job token not allowed from \(source) to \(project.path).")
  }

  /// A fresh legacy-format token: prefix, partition id in hex, random part.
  static func newToken() -> String {
    let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
    return prefix + "64_" + String((0..<20).map { _ in alphabet[Int.random(in: 0..<alphabet.count)] })
  }
}
