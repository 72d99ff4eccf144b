import Foundation

/// Instance CI/CD variables: `/admin/ci/variables` (administrators). The key alone names a
/// variable — instance variables have no environment scope and cannot be hidden.
extension GitLabClient {
  /// `GET /admin/ci/variables`, every page.
  public func instanceVariables() throws -> [GitLabVariable] {
    try listAll(GitLabVariable.self, route: "/admin/ci/variables")
  }

  /// `GET /admin/ci/variables/:key`.
  public func instanceVariable(key: String) throws -> GitLabVariable {
    try perform(
      request(.get, "/admin/ci/variables/:key", [GitLabURLEncoding.pathSegment(key)]),
      as: GitLabVariable.self)
  }

  /// `POST /admin/ci/variables`. Not retried. `hidden` and the scope are not sent.
  public func createInstanceVariable(key: String, _ settings: VariableSettings) throws -> GitLabVariable {
    var instance = settings
    instance.hidden = nil
    instance.environmentScope = nil
    var body = instance.body(forCreate: true)
    body["key"] = key
    return try perform(request(.post, "/admin/ci/variables", body: body), as: GitLabVariable.self)
  }

  /// `PUT /admin/ci/variables/:key`. Idempotent.
  public func updateInstanceVariable(key: String, _ settings: VariableSettings) throws -> GitLabVariable {
    var instance = settings
    instance.environmentScope = nil
    return try perform(
      request(
        .put, "/admin/ci/variables/:key", [GitLabURLEncoding.pathSegment(key)],
        body: instance.body(forCreate: false)),
      as: GitLabVariable.self)
  }

  /// `DELETE /admin/ci/variables/:key`. Idempotent.
  public func deleteInstanceVariable(key: String) throws {
    try performWithoutResult(
      request(.delete, "/admin/ci/variables/:key", [GitLabURLEncoding.pathSegment(key)]))
  }
}
