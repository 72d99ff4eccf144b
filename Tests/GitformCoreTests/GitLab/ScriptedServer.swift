import Foundation
import GitLabEmulator

@testable import GitformCore

/// A loopback HTTP server whose every answer comes from a closure: for servers GitLab is not
/// (an echoing proxy, a stalling host, a hostile one) that the client must survive.
final class ScriptedServer: @unchecked Sendable {
  /// Records the requests and asks `answer` for each response.
  private final class Handler: HTTPHandler, @unchecked Sendable {
    // @unchecked: `received` is guarded by `lock`.
    private let lock = NSLock()
    var received: [GitLabEmulator.HTTPRequest] = []
    let answer: @Sendable (GitLabEmulator.HTTPRequest) -> GitLabEmulator.HTTPResponse

    init(_ answer: @escaping @Sendable (GitLabEmulator.HTTPRequest) -> GitLabEmulator.HTTPResponse) {
      self.answer = answer
    }

    func handle(_ request: GitLabEmulator.HTTPRequest) -> GitLabEmulator.HTTPResponse {
      lock.withLock { received.append(request) }
      return answer(request)
    }
  }

  private let handler: Handler
  private let server: RunningEmulator

  init(_ answer: @escaping @Sendable (GitLabEmulator.HTTPRequest) -> GitLabEmulator.HTTPResponse)
    throws
  {
    handler = Handler(answer)
    server = try RunningEmulator(handler: handler)
  }

  /// `http://127.0.0.1:PORT`.
  var rootURL: URL { server.rootURL }
  var port: Int { server.port }
  var requests: [GitLabEmulator.HTTPRequest] { handler.received }

  func stop() { server.stop() }

  /// A client of this server authenticating with `token`, with the production transport.
  func client(
    token: String = "glpat-scripted-token", timeout: TimeInterval = 5,
    retryPolicy: RetryPolicy = .never
  ) throws -> GitLabClient {
    let connection = try GitLabConnection(
      baseURL: rootURL.absoluteString, token: SecretValue(token), clientVersion: "1",
      requestTimeout: timeout)
    return GitLabClient(
      connection: connection, transport: try GitLabClient.productionTransport(for: connection),
      retryPolicy: retryPolicy)
  }

  /// A JSON answer.
  static func json(_ status: Int, _ body: String, headers: [(name: String, value: String)] = [])
    -> GitLabEmulator.HTTPResponse
  {
    GitLabEmulator.HTTPResponse(
      status: status, headers: [("Content-Type", "application/json")] + headers,
      body: Data(body.utf8))
  }
}
