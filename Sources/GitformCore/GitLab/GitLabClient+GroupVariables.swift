import Foundation

/// Group CI/CD variables: `/groups/:id/variables`, the same shape and rules as a project's
/// (`GitLabClient+ProjectVariables.swift`), one variable per key and environment scope.
extension GitLabClient {
  /// `GET /groups/:id/variables`, every page, all environment scopes.
  public func groupVariables(group: GitLabReference) throws -> [GitLabVariable] {
    try listAll(GitLabVariable.self, route: "/groups/:id/variables", [group.pathSegment])
  }

  /// `GET /groups/:id/variables/:key[?filter[environment_scope]=]`.
  public func groupVariable(
    group: GitLabReference, key: String, environmentScope: String? = nil
  ) throws -> GitLabVariable {
    try perform(
      request(
        .get, "/groups/:id/variables/:key", [group.pathSegment, GitLabURLEncoding.pathSegment(key)],
        query: GitLabClient.scopeFilter(environmentScope)),
      as: GitLabVariable.self)
  }

  /// `POST /groups/:id/variables`. Not retried.
  public func createGroupVariable(
    group: GitLabReference, key: String, _ settings: VariableSettings
  ) throws -> GitLabVariable {
    var body = settings.body(forCreate: true)
    body["key"] = key
    return try perform(
      request(.post, "/groups/:id/variables", [group.pathSegment], body: body),
      as: GitLabVariable.self)
  }

  /// `PUT /groups/:id/variables/:key[?filter[environment_scope]=]`. Idempotent.
  public func updateGroupVariable(
    group: GitLabReference, key: String, environmentScope: String? = nil,
    _ settings: VariableSettings
  ) throws -> GitLabVariable {
    try perform(
      request(
        .put, "/groups/:id/variables/:key", [group.pathSegment, GitLabURLEncoding.pathSegment(key)],
        query: GitLabClient.scopeFilter(environmentScope), body: settings.body(forCreate: false)),
      as: GitLabVariable.self)
  }

  /// `DELETE /groups/:id/variables/:key[?filter[environment_scope]=]`. Idempotent.
  public func deleteGroupVariable(
    group: GitLabReference, key: String, environmentScope: String? = nil
  ) throws {
    try performWithoutResult(
      request(
        .delete, "/groups/:id/variables/:key",
        [group.pathSegment, GitLabURLEncoding.pathSegment(key)],
        query: GitLabClient.scopeFilter(environmentScope)))
  }
}
