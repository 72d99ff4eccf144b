import Foundation

/// One API route: method, GitLab's route template, the scopes it accepts and its handler.
///
/// The template (`/api/v4/users/:user_id/personal_access_tokens`) is also the route's name in
/// the stats and in fault scripts. A `:name` segment matches one raw path segment, which is
/// percent-decoded afterwards, so `group%2Fproject` and `%2E` reach handlers decoded while a
/// raw `/` never matches inside a segment.
/// `@unchecked Sendable`: handlers are static functions or closures capturing only values.
struct Route: @unchecked Sendable {
  /// Which token scopes satisfy the route (§0.2 of the reference).
  enum ScopePolicy: Sendable {
    /// `api`, plus `read_api` for GET.
    case standard
    /// `API::Users`: `read_user` also works for GET.
    case users
    /// `/personal_access_tokens/self`: any scope.
    case any
    /// Self-rotation: `api` or `self_rotate`.
    case selfRotate
  }

  /// Where a CI job token is accepted (`route_setting :authentication, job_token_allowed:`).
  enum JobTokenPolicy: Sendable {
    /// Not at all: a job token is ignored or looked up as an access token (401).
    case none
    /// `:basic_auth`: only as HTTP Basic `gitlab-ci-token:<token>` (and Bearer).
    case basicAuth
    /// `true`: the `JOB-TOKEN` header, the `job_token` or `token` parameter (and Bearer).
    case request
  }

  typealias Handler = (APIRequest, inout StoreData) throws -> Reply

  let method: String
  let template: String
  let segments: [Substring]
  var scopes: ScopePolicy
  /// HTTP Basic with the token as password (Terraform state routes).
  var allowsBasicAuth: Bool
  /// The body is data, not parameters (Terraform state uploads).
  var rawBody: Bool
  var jobTokens: JobTokenPolicy
  let handler: Handler

  init(
    _ method: String, _ template: String, scopes: ScopePolicy = .standard,
    basicAuth: Bool = false, rawBody: Bool = false, jobTokens: JobTokenPolicy = .none,
    _ handler: @escaping Handler
  ) {
    self.method = method
    self.template = template
    self.segments = template.split(separator: "/", omittingEmptySubsequences: false)
    self.scopes = scopes
    self.allowsBasicAuth = basicAuth
    self.rawBody = rawBody
    self.jobTokens = jobTokens
    self.handler = handler
  }

  /// The stats and fault key: `"GET /api/v4/users/:id"`.
  var key: String { "\(method) \(template)" }

  /// The accepted scopes for this method, or nil when any scope will do.
  func acceptedScopes(for method: String) -> [String]? {
    let read = method == "GET" || method == "HEAD"
    switch scopes {
    case .standard: return read ? ["api", "read_api"] : ["api"]
    case .users: return read ? ["api", "read_api", "read_user"] : ["api"]
    case .any: return nil
    case .selfRotate: return ["api", "self_rotate"]
    }
  }

  /// The decoded path parameters when `pathSegments` fits the template.
  func match(_ pathSegments: [Substring]) -> [String: String]? {
    guard pathSegments.count == segments.count else { return nil }
    var parameters: [String: String] = [:]
    for (pattern, actual) in zip(segments, pathSegments) {
      if pattern.hasPrefix(":") {
        guard !actual.isEmpty, let decoded = String(actual).removingPercentEncoding else {
          return nil
        }
        parameters[String(pattern.dropFirst())] = decoded
      } else if pattern != actual {
        return nil
      }
    }
    return parameters
  }
}

/// The route table: the first route that matches wins, so literal routes (`…/self`) are
/// listed before their `:id` siblings, as GitLab mounts them.
struct Router: Sendable {
  let routes: [Route]

  func match(method: String, path: String) -> (Route, [String: String])? {
    let pathSegments = path.split(separator: "/", omittingEmptySubsequences: false)
    let lookupMethod = method == "HEAD" ? "GET" : method
    for route in routes where route.method == lookupMethod {
      if let parameters = route.match(pathSegments) { return (route, parameters) }
    }
    return nil
  }

  /// Whether `method` + `template` names a route (fault scripts are checked against this).
  func contains(method: String, template: String) -> Bool {
    routes.contains { $0.method == method && $0.template == template }
  }
}
