import Foundation

/// The `backend "gitlab" { project = "group/project", name = "production" }` preset: GitLab's
/// own Terraform-state store, expanded into the http settings GitLab's documentation gives.
///
/// - Address: `<api>/projects/<numeric id or url-encoded path>/terraform/state/<url-encoded name>`;
///   lock and unlock: the same + `/lock`, `POST` and `DELETE`; `retry_wait_min` 5 (GitLab's and
///   the OpenTofu component's recommendation), `retry_max` 2, `retry_wait_max` 30.
/// - API root: the provider's `base_url`, else `GITLAB_BASE_URL`, else `CI_API_V4_URL` (set in
///   every CI job), else gitlab.com. Project: the block's `project`, else `CI_PROJECT_ID`.
///   Name: the block's `name`, else `default` (the OpenTofu component's default).
/// - Credentials: the provider's token, else `GITLAB_TOKEN`, sent as the Basic password. GitLab
///   ignores the username for a personal, project or group access token (`auth_finders.rb`
///   `find_personal_access_token_from_http_basic_auth` discards it), so gitform sends `gitform`;
///   never `gitlab-ci-token`, which would make GitLab read the password as a job token. With no
///   token but `CI_JOB_TOKEN` (a CI job), `gitlab-ci-token` + the job token: the only way GitLab
///   accepts a job token on the state routes.
public struct GitLabStateSettings: Sendable, Equatable {
  /// The attribute names a `backend "gitlab"` block accepts.
  public static let attributeNames = [
    "project", "name", "retry_max", "retry_wait_min", "retry_wait_max",
  ]
  /// The Basic username sent with a personal, project or group access token.
  public static let tokenUsername = "gitform"
  /// GitLab's `Gitlab::Auth::CI_JOB_USER`.
  public static let jobTokenUsername = "gitlab-ci-token"
  public static let defaultStateName = "default"

  /// - Parameters:
  ///   - attributes: the block's attributes, evaluated to strings (see `HTTPBackendSettings.resolve`).
  ///   - providerBaseURL: `base_url` of the `provider "gitlab"` block, if set.
  ///   - providerToken: `token` of the `provider "gitlab"` block, if set.
  ///   - environment: the process environment.
  public static func resolve(
    attributes: [String: String], providerBaseURL: String?, providerToken: SecretValue?,
    environment: [String: String]
  ) throws(BackendError) -> HTTPBackendSettings {
    if let unknown = attributes.keys.sorted().first(where: { !attributeNames.contains($0) }) {
      throw .invalidConfiguration(
        "An argument named \"\(unknown)\" is not expected in a backend \"gitlab\" block. The "
          + "arguments are: \(attributeNames.joined(separator: ", ")).")
    }
    func given(_ text: String?) -> String? {
      guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
      return text.trimmingCharacters(in: .whitespaces)
    }
    guard let project = given(attributes["project"]) ?? given(environment["CI_PROJECT_ID"]) else {
      throw .invalidConfiguration(
        "backend \"gitlab\" needs a project: set project = \"group/project\" (or the numeric "
          + "project ID) in the block. In a GitLab CI job, CI_PROJECT_ID is used when it is unset.")
    }
    let name = given(attributes["name"]) ?? defaultStateName
    guard name.count <= 255 else {
      throw .invalidConfiguration(
        "backend \"gitlab\": name is longer than GitLab's 255 characters.")
    }
    let base =
      given(providerBaseURL) ?? given(environment["GITLAB_BASE_URL"]) ?? given(
        environment["CI_API_V4_URL"])
      ?? GitLabConnection.defaultBaseURL
    let apiRoot: URL
    do {
      apiRoot = try GitLabConnection.normalizedAPIBaseURL(base)
    } catch {
      throw .invalidConfiguration("backend \"gitlab\": \(error)")
    }
    let stateURLText =
      apiRoot.absoluteString + "/projects/" + GitLabURLEncoding.pathSegment(project)
      + "/terraform/state/" + GitLabURLEncoding.pathSegment(name)
    guard let address = URL(string: stateURLText), let lock = URL(string: stateURLText + "/lock")
    else {
      throw .invalidConfiguration("backend \"gitlab\": the project and name do not form a URL.")
    }
    let username: String
    let password: SecretValue
    let jobToken: Bool
    if let token = providerToken.map({ $0.reveal() }).flatMap(given)
      ?? given(environment["GITLAB_TOKEN"])
    {
      (username, password, jobToken) = (tokenUsername, SecretValue(token), false)
    } else if let token = given(environment["CI_JOB_TOKEN"]) {
      (username, password, jobToken) = (jobTokenUsername, SecretValue(token), true)
    } else {
      throw .invalidConfiguration(
        "backend \"gitlab\" has no credentials: set token in the provider \"gitlab\" block or "
          + "the GITLAB_TOKEN environment variable to a token with the api scope and the "
          + "Maintainer role on \(project) (Developer is enough for plan -lock=false). In a "
          + "GitLab CI job without GITLAB_TOKEN, the job token (CI_JOB_TOKEN) is used.")
    }
    return HTTPBackendSettings(
      address: address, updateMethod: "POST", lockAddress: lock, lockMethod: "POST",
      unlockAddress: lock, unlockMethod: "DELETE", username: username, password: password,
      retryMax: try HTTPBackendSettings.integer(
        attributes["retry_max"], default: 2, setting: "retry_max"),
      retryWaitMin: try HTTPBackendSettings.integer(
        attributes["retry_wait_min"], default: 5, setting: "retry_wait_min"),
      retryWaitMax: try HTTPBackendSettings.integer(
        attributes["retry_wait_max"], default: 30, setting: "retry_wait_max"),
      server: .gitLab(project: project, name: name, jobToken: jobToken))
  }
}
