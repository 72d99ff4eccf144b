// API/ is GitLab's REST API as the emulator serves it: routes, parameters, authentication,
// entities, pagination and GitLab's exact error bodies. For: turning one HTTPRequest into one
// HTTPResponse. Not for: sockets and framing (HTTP/, the server), data and rules (Store/).
import Foundation

/// The GitLab REST API served by `gitlab-emulator`: the `HTTPHandler` the server calls, from
/// many threads at once.
///
/// Per request: control routes go to `EmulatorControl`; API requests get the configured
/// latency, the rate limit, the stats count, scripted faults and seeded failures, then run
/// — authentication included — as one store transaction.
public final class GitLabAPI: HTTPHandler, @unchecked Sendable {
  private let configuration: EmulatorConfiguration
  private let store: Store
  private let router: Router
  private let stats = RequestStats()
  private let faults = FaultScript()
  private let failures: FailureGenerator
  private let rateLimiter: RateLimiter?
  private let control: EmulatorControl

  /// Throws only when the `-data` file cannot be read or is not an emulator data file.
  public init(configuration: EmulatorConfiguration) throws {
    self.configuration = configuration
    store = try Store(configuration: configuration)
    router = Router(routes: GitLabAPI.allRoutes)
    failures = FailureGenerator(rate: configuration.failRate, seed: configuration.failSeed)
    rateLimiter = configuration.rateLimitPerMinute.map(RateLimiter.init(limit:))
    control = EmulatorControl(
      rootToken: configuration.rootToken, store: store, stats: stats, faults: faults,
      router: router)
  }

  static let allRoutes: [Route] =
    UserRoutes.routes + UserAdminRoutes.routes + SSHKeyRoutes.routes + EmailRoutes.routes
    + ServiceAccountRoutes.routes + ApplicationSettingsRoutes.routes + NamespaceRoutes.routes + NamespaceEditing.routes + MemberRoutes.routes + PersonalTokenRoutes.routes
    + ImpersonationTokenRoutes.routes + ResourceTokenRoutes.routes + VariableRoutes.routes
    + TerraformStateRoutes.routes + MergeRequestRoutes.routes + NoteRoutes.routes
    + JobRoutes.routes

  public func handle(_ request: HTTPRequest) -> HTTPResponse {
    if request.path == "/-/emulator" || request.path.hasPrefix("/-/emulator/") {
      return control.handle(request)
    }
    if configuration.latencyMilliseconds > 0 {
      Thread.sleep(forTimeInterval: Double(configuration.latencyMilliseconds) / 1000)
    }
    let matched = router.match(method: request.method, path: request.path)
    stats.count(matched.map { "\(request.method) \($0.0.template)" } ?? "\(request.method) (no route)")
    if let rateLimiter, let limited = rateLimiter.admit(rateLimitKey(request), now: store.now) {
      return limited
    }
    guard let (route, pathParameters) = matched else {
      if request.path.hasPrefix("/api/v3/") || request.path == "/api/v3" {
        return GitLabAPI.response(APIError(status: 410, body: .object([
          ("error", .string("API V3 is no longer supported. Use API V4 instead."))])))
      }
      return GitLabAPI.response(APIError.noRoute)
    }
    var dropConnection = false
    var replacement: (body: String, contentType: String)?
    switch faults.take(method: route.method, template: route.template) {
    case .status(let status)?: return GitLabAPI.response(GitLabAPI.failure(status))
    case .delay(let milliseconds)?: Thread.sleep(forTimeInterval: Double(milliseconds) / 1000)
    case .dropAfterCommit?: dropConnection = true
    case .replaceBody(let body, let contentType)?: replacement = (body, contentType)
    case nil: break
    }
    if let status = failures.nextFailure() { return GitLabAPI.response(GitLabAPI.failure(status)) }
    var response = serve(request, route, pathParameters)
    if let replacement {
      response.body = Data(replacement.body.utf8)
      response.headers.removeAll { $0.name.lowercased() == "content-type" || $0.name.lowercased() == "content-length" }
      response.headers.append((name: "Content-Type", value: replacement.contentType))
    }
    if request.method == "HEAD" { response.body = Data() }
    if dropConnection { return HTTPResponse(status: response.status, dropConnection: true) }
    return response
  }

  /// Rate limits count per presented token (valid or not), else per client address.
  private func rateLimitKey(_ request: HTTPRequest) -> String {
    let query =
      (try? Parameters(query: request.query, body: Data(), contentType: nil, includeBody: false))
      ?? Parameters()
    return Authentication.credential(of: request, params: query, basicAllowed: true)
      ?? "ip:" + Authentication.address(of: request.remoteAddress)
  }

  private func serve(_ request: HTTPRequest, _ route: Route, _ pathParameters: [String: String])
    -> HTTPResponse
  {
    do {
      let params = try Parameters(
        query: request.query, body: request.body, contentType: request.header("Content-Type"),
        includeBody: !route.rawBody)
      let reply = try store.transaction { data, now -> Reply in
        var apiRequest = APIRequest(
          http: request, route: route, pathParameters: pathParameters, params: params, now: now)
        try Authentication.authenticate(&apiRequest, data: &data)
        return try route.handler(apiRequest, &data)
      }
      return GitLabAPI.response(reply)
    } catch let error as APIError {
      return GitLabAPI.response(error)
    } catch {
      return GitLabAPI.response(GitLabAPI.failure(500))
    }
  }

  /// The body GitLab (or its proxy) gives for a server-side failure status.
  static func failure(_ status: Int) -> APIError {
    let reasons = [500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable",
                   504: "Gateway Timeout", 429: "Too Many Requests"]
    return APIError.message(status, "\(status) \(reasons[status] ?? "Error")")
  }

  private static let standardHeaders: [(name: String, value: String)] = [
    ("X-Frame-Options", "SAMEORIGIN"), ("X-Content-Type-Options", "nosniff"),
  ]

  static func response(_ reply: Reply) -> HTTPResponse {
    var headers = standardHeaders + reply.headers
    let body: Data
    switch reply.body {
    case .json(let value):
      headers.insert(("Content-Type", "application/json"), at: 0)
      body = JSONWriter.data(value)
    case .raw(let data, let contentType):
      headers.insert(("Content-Type", contentType), at: 0)
      body = data
    case .empty:
      body = Data()
    }
    return HTTPResponse(status: reply.status, headers: headers, body: body)
  }

  static func response(_ error: APIError) -> HTTPResponse {
    var reply = Reply.json(error.body, status: error.status)
    if let text = error.plainText {
      reply = Reply(status: error.status, body: .raw(Data(text.utf8), contentType: "text/plain"))
    }
    reply.headers = error.headers
    return response(reply)
  }
}
