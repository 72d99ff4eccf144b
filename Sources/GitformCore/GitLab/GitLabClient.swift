import Foundation

/// gitform's client for GitLab's REST API v4: typed requests, retries, error mapping.
///
/// A value with no mutable state, safe to share between the threads of a parallel apply. Every
/// request carries the connection's token as `PRIVATE-TOKEN`, asks for JSON and names itself
/// `gitform/VERSION`. Endpoint families live in `GitLabClient+*.swift`; this file holds the one
/// path every request takes (`execute`), and `GitLabClient+Pagination.swift` the list-all loop.
public struct GitLabClient: Sendable {
  public let connection: GitLabConnection
  public let transport: any HTTPTransport
  public let retryPolicy: RetryPolicy
  /// Waits between retries; tests inject one that records instead of sleeping.
  let sleep: @Sendable (TimeInterval) -> Void
  /// The token requests are sent with: the connection's, or another for self-rotation.
  let token: SecretValue
  /// Told about long waits (back-offs, slow answers), from the waiting thread; the CLI prints
  /// them. Nil: nobody is told.
  public var waitObserver: (@Sendable (GitLabWait) -> Void)?
  /// How often the observer hears that an answer is still awaited.
  public var slowAnswerInterval: TimeInterval = GitLabWait.slowAnswerInterval
  /// Projects and groups this run found under a new path (`GitLabClient+Redirects.swift`).
  public let moved: MovedNamespaces

  public init(
    connection: GitLabConnection, transport: any HTTPTransport,
    retryPolicy: RetryPolicy = RetryPolicy(),
    sleep: @escaping @Sendable (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }
  ) {
    self.connection = connection
    self.transport = transport
    self.retryPolicy = retryPolicy
    self.sleep = sleep
    self.token = connection.token
    self.moved = MovedNamespaces()
  }

  /// A client over the platform's HTTP stack (`productionTransport`). Throws for connection
  /// options the platform cannot honour.
  public init(connection: GitLabConnection, retryPolicy: RetryPolicy = RetryPolicy()) throws {
    self.init(
      connection: connection, transport: try GitLabClient.productionTransport(for: connection),
      retryPolicy: retryPolicy)
  }

  /// libcurl's blocking interface where Foundation runs on libcurl (Linux), which waits without
  /// using CPU; URLSession elsewhere.
  public static func productionTransport(for connection: GitLabConnection) throws
    -> any HTTPTransport
  {
    if let curl = try CurlTransport(connection: connection) { return curl }
    return try URLSessionTransport(connection: connection)
  }

  /// The same client authenticating with another token: self-rotation must present the token
  /// being rotated (`POST /personal_access_tokens/self/rotate`).
  public func authenticating(with token: SecretValue) -> GitLabClient {
    GitLabClient(copying: self, token: token)
  }

  private init(copying other: GitLabClient, token: SecretValue) {
    connection = other.connection
    transport = other.transport
    retryPolicy = other.retryPolicy
    sleep = other.sleep
    waitObserver = other.waitObserver
    slowAnswerInterval = other.slowAnswerInterval
    moved = other.moved
    self.token = token
  }

  // MARK: - Requests

  /// A request for `route` (a template such as `/users/:user_id/impersonation_tokens`) whose
  /// `:name` segments are filled, in order, with the already-encoded `segments`.
  func request(
    _ method: GitLabRequest.Method, _ route: String, _ segments: [String] = [],
    query: [(name: String, value: String)] = [], body: [String: Any]? = nil,
    secrets: [SecretValue] = []
  ) throws -> GitLabRequest {
    var remaining = segments.enumerated().map { $0.offset == 0 ? currentSegment($0.element, route: route) : $0.element }[...]
    let path = route.split(separator: "/", omittingEmptySubsequences: false).map { part in
      part.hasPrefix(":") ? (remaining.popFirst() ?? String(part)) : String(part)
    }.joined(separator: "/")
    var text = connection.apiBaseURL.absoluteString + path
    if !query.isEmpty { text += "?" + GitLabURLEncoding.query(query) }
    guard let url = URL(string: text) else {
      throw GitLabError.invalidConfiguration(
        "cannot build a URL for \(method.rawValue) \(route) from the base URL "
          + "\(connection.apiBaseURL.absoluteString)")
    }
    var headers = ["Accept": "application/json", "User-Agent": connection.userAgent]
    var data: Data?
    var secrets = secrets
    if let body {
      headers["Content-Type"] = "application/json"
      let revealed = GitLabClient.revealing(body, into: &secrets)
      data = try JSONSerialization.data(withJSONObject: revealed, options: [.sortedKeys])
    }
    return GitLabRequest(
      method: method, url: url, route: route, headers: headers, token: token, body: data,
      secrets: secrets, timeout: connection.requestTimeout)
  }

  /// `body` with every `SecretValue` (at any depth) replaced by its text for sending, and
  /// recorded in `secrets`: a secret put in a body is scrubbed from errors without its caller
  /// having to remember to say so.
  static func revealing(_ body: Any, into secrets: inout [SecretValue]) -> Any {
    switch body {
    case let secret as SecretValue:
      secrets.append(secret)
      return secret.reveal()
    case let object as [String: Any]:
      return object.mapValues { revealing($0, into: &secrets) }
    case let array as [Any]:
      return array.map { revealing($0, into: &secrets) }
    default:
      return body
    }
  }

  /// One exchange: the response and how many sends it took.
  struct Exchange {
    var response: GitLabResponse
    var attempts: Int
  }

  /// Sends `request`, retrying as `retryPolicy` allows, and returns the first success.
  ///
  /// Throws `GitLabError` for everything else, with every known secret scrubbed from it.
  func execute(_ request: GitLabRequest) throws -> Exchange {
    do {
      do {
        return try executeFollowing(request)
      } catch let error as GitLabError {
        guard let retry = try byMovedProjectID(request, refusal: error) else { throw error }
        return try executeFollowing(retry)
      }
    } catch let error as GitLabError {
      throw error.redacting(secrets(of: request))
    }
  }

  /// `executeUnredacted`, following a GET's redirects within the API (`redirect(of:by:)`).
  private func executeFollowing(_ request: GitLabRequest) throws -> Exchange {
    var current = request
    var hops = 0
    while true {
      let exchange = try executeUnredacted(current)
      guard (300..<400).contains(exchange.response.status) else { return exchange }
      guard hops < GitLabClient.maximumRedirects, let next = redirect(of: current, by: exchange.response) else {
        throw GitLabError.from(
          exchange.response, to: current, attempts: exchange.attempts, secrets: secrets(of: current))
      }
      noteMove(from: current, to: next)
      current = next
      hops += 1
    }
  }

  /// Every secret that must not appear in an error about `request`: the tokens this client
  /// knows and the values the request carries.
  func secrets(of request: GitLabRequest) -> [SecretValue] {
    [connection.token, token] + request.sensitiveValues
  }

  private func executeUnredacted(_ request: GitLabRequest) throws -> Exchange {
    var attempt = 1
    while true {
      let response: GitLabResponse
      do {
        response = try sendWatched(request)
      } catch {
        let failure = error as? TransportFailure ?? TransportFailure(.other, detail: "\(error)")
        if let wait = retryPolicy.delay(
          afterAttempt: attempt, failure: failure, method: request.method)
        {
          announce(wait, before: attempt + 1, of: request, because: failure.kind.rawValue)
          sleep(wait)
          attempt += 1
          continue
        }
        if !request.method.isIdempotent && failure.requestMayHaveBeenSent {
          throw GitLabError.outcomeUnknown(
            request: request, baseURL: connection.apiBaseURL,
            what: "the connection failed after it was sent "
              + "(\(ServerText(secrets: secrets(of: request)).clean(failure.summary)))",
            attempts: attempt, mayStillBeWorking: failure.kind == .timedOut)
        }
        throw GitLabError.transport(
          failure, request: request, baseURL: connection.apiBaseURL, attempts: attempt,
          secrets: secrets(of: request))
      }
      if response.isSuccess || (request.method == .get && (300..<400).contains(response.status)) {
        return Exchange(response: response, attempts: attempt)
      }
      if let wait = retryPolicy.delay(
        afterAttempt: attempt, response: response, method: request.method)
      {
        let reason =
          response.status == 429
          ? "HTTP 429 (rate limited)" : "HTTP \(response.status) (GitLab failed)"
        announce(wait, before: attempt + 1, of: request, because: reason)
        sleep(wait)
        attempt += 1
        continue
      }
      if !request.method.isIdempotent && [502, 504].contains(response.status) {
        // A gateway error says nothing about what GitLab behind it did.
        throw GitLabError.outcomeUnknown(
          request: request, baseURL: connection.apiBaseURL,
          what: "a gateway in front of GitLab answered HTTP \(response.status)",
          status: response.status, attempts: attempt, mayStillBeWorking: response.status == 504)
      }
      throw GitLabError.from(
        response, to: request, attempts: attempt, secrets: secrets(of: request))
    }
  }

  /// Tells the observer about a back-off long enough to notice.
  private func announce(
    _ wait: TimeInterval, before attempt: Int, of request: GitLabRequest, because reason: String
  ) {
    guard let waitObserver, wait >= GitLabWait.announceRetriesFrom else { return }
    waitObserver(
      GitLabWait(
        .retry(
          seconds: wait, reason: reason, nextAttempt: attempt,
          maximumAttempts: retryPolicy.maximumAttempts),
        request: request.name))
  }

  /// `transport.send`, telling the observer every `GitLabWait.slowAnswerInterval` seconds that
  /// the answer has not come yet. The timer runs on a dispatch queue and costs nothing between
  /// its firings; the sending thread just blocks.
  private func sendWatched(_ request: GitLabRequest) throws -> GitLabResponse {
    guard let waitObserver else { return try transport.send(request) }
    let interval = max(slowAnswerInterval, 0.01)
    let started = DispatchTime.now()
    let timer = DispatchSource.makeTimerSource(queue: .global())
    let name = request.name
    let timeout = request.timeout
    timer.schedule(deadline: started + interval, repeating: interval, leeway: .milliseconds(100))
    timer.setEventHandler {
      let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
      // At the timeout the transport is giving up: "still waiting" would be news from the past.
      guard elapsed.rounded() < timeout else { return }
      waitObserver(GitLabWait(.slowAnswer(seconds: elapsed.rounded(), timeout: timeout), request: name))
    }
    timer.resume()
    defer { timer.cancel() }
    return try transport.send(request)
  }

  /// Sends `request` and decodes the JSON answer as `T`.
  func perform<T: GitLabDecodable>(_ request: GitLabRequest, as type: T.Type) throws -> T {
    let exchange = try execute(request)
    return try decode(type, from: exchange, of: request)
  }

  /// Sends a request whose success answer has no body worth reading (204 on DELETE).
  func performWithoutResult(_ request: GitLabRequest) throws {
    _ = try execute(request)
  }

  /// Whether `request` is one whose answer carries a new token's value, sent only once: a
  /// token's create or rotation. Other creates (a user, a key, a variable) lose nothing secret.
  static func answersWithToken(_ request: GitLabRequest) -> Bool {
    request.route.hasSuffix("_tokens") || request.route.hasSuffix("/rotate")
  }

  func decode<T: GitLabDecodable>(_ type: T.Type, from exchange: Exchange, of request: GitLabRequest)
    throws -> T
  {
    do {
      return try GitLabJSON.decode(type, from: exchange.response.body)
    } catch {
      let problem = error.description
      let failure =
        request.method.isIdempotent
        ? GitLabError.malformed(
          request: request, status: exchange.response.status, problem: problem,
          attempts: exchange.attempts)
        : GitLabError.outcomeUnknown(
          request: request, baseURL: connection.apiBaseURL,
          what: "it answered HTTP \(exchange.response.status) but the answer could not be read "
            + "(\(problem))"
            + (GitLabClient.answersWithToken(request)
              ? "; if it created a token, that token's value is lost and the token should be revoked" : ""),
          status: exchange.response.status, attempts: exchange.attempts)
      throw failure.redacting(secrets(of: request))
    }
  }
}
