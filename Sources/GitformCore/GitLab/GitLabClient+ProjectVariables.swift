import Foundation

/// Project CI/CD variables: `/projects/:id/variables` (gitlab-api.md §6.1).
///
/// A key is unique per environment scope, so reads, updates and deletes of one variable pass
/// `filter[environment_scope]` whenever a scope is given — without it GitLab answers 409 when the
/// key exists in several scopes (the provider's old bug #213).
extension GitLabClient {
  /// `GET /projects/:id/variables`, every page, all environment scopes.
  public func projectVariables(project: GitLabReference) throws -> [GitLabVariable] {
    try listAll(GitLabVariable.self, route: "/projects/:id/variables", [project.pathSegment])
  }

  /// `GET /projects/:id/variables/:key[?filter[environment_scope]=]`.
  public func projectVariable(
    project: GitLabReference, key: String, environmentScope: String? = nil
  ) throws -> GitLabVariable {
    try perform(
      request(
        .get, "/projects/:id/variables/:key",
        [project.pathSegment, GitLabURLEncoding.pathSegment(key)],
        query: GitLabClient.scopeFilter(environmentScope)),
      as: GitLabVariable.self)
  }

  /// `POST /projects/:id/variables`. Not retried (a second create would fail as a duplicate).
  public func createProjectVariable(
    project: GitLabReference, key: String, _ settings: VariableSettings
  ) throws -> GitLabVariable {
    var body = settings.body(forCreate: true)
    body["key"] = key
    return try perform(
      request(.post, "/projects/:id/variables", [project.pathSegment], body: body),
      as: GitLabVariable.self)
  }

  /// `PUT /projects/:id/variables/:key[?filter[environment_scope]=]`: changes the given
  /// settings of the variable in `environmentScope`. Idempotent.
  public func updateProjectVariable(
    project: GitLabReference, key: String, environmentScope: String? = nil,
    _ settings: VariableSettings
  ) throws -> GitLabVariable {
    try perform(
      request(
        .put, "/projects/:id/variables/:key",
        [project.pathSegment, GitLabURLEncoding.pathSegment(key)],
        query: GitLabClient.scopeFilter(environmentScope), body: settings.body(forCreate: false)),
      as: GitLabVariable.self)
  }

  /// `DELETE /projects/:id/variables/:key[?filter[environment_scope]=]`. Retried like any
  /// idempotent request, so a `.notFound` can also mean "deleted by an earlier attempt whose
  /// answer was lost": callers treat it as deleted, as the Terraform provider does.
  public func deleteProjectVariable(
    project: GitLabReference, key: String, environmentScope: String? = nil
  ) throws {
    try performWithoutResult(
      request(
        .delete, "/projects/:id/variables/:key",
        [project.pathSegment, GitLabURLEncoding.pathSegment(key)],
        query: GitLabClient.scopeFilter(environmentScope)))
  }

  static func scopeFilter(_ scope: String?) -> [(name: String, value: String)] {
    scope.map { [(name: "filter[environment_scope]", value: $0)] } ?? []
  }
}
