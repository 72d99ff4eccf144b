import Foundation
import XCTest

@testable import GitformCore

/// A scripted `HTTPTransport` for unit tests of the client above the transport seam: answers
/// each request with the next scripted step and records what was sent.
final class FakeTransport: HTTPTransport, @unchecked Sendable {
  enum Step {
    case respond(GitLabResponse)
    case fail(TransportFailure)
  }

  // @unchecked: every access to the mutable state goes through `lock`.
  private let lock = NSLock()
  private var steps: [Step]
  private var sent: [GitLabRequest] = []

  init(_ steps: [Step]) {
    self.steps = steps
  }

  var requests: [GitLabRequest] {
    lock.lock()
    defer { lock.unlock() }
    return sent
  }

  func send(_ request: GitLabRequest) throws -> GitLabResponse {
    lock.lock()
    sent.append(request)
    let step = steps.isEmpty ? nil : steps.removeFirst()
    lock.unlock()
    switch step {
    case .respond(let response): return response
    case .fail(let failure): throw failure
    case nil:
      XCTFail("unexpected request \(request.method.rawValue) \(request.url.absoluteString)")
      throw TransportFailure(.other, detail: "no step scripted")
    }
  }

  /// A JSON answer.
  static func json(_ status: Int, _ body: String, headers: [String: String] = [:]) -> Step {
    var all = headers
    all["Content-Type"] = "application/json"
    return .respond(GitLabResponse(status: status, headers: all, body: Data(body.utf8)))
  }
}

/// Records the client's waits between retries instead of sleeping.
final class SleepRecorder: @unchecked Sendable {
  private let lock = NSLock()
  private var recorded: [TimeInterval] = []

  var waits: [TimeInterval] {
    lock.lock()
    defer { lock.unlock() }
    return recorded
  }

  func sleep(_ seconds: TimeInterval) {
    lock.lock()
    recorded.append(seconds)
    lock.unlock()
  }
}

/// The connection token every unit test uses, to search messages for.
let testToken = "glpat-unit-test-connection-SECRET"

func makeClient(
  _ transport: FakeTransport, sleeper: SleepRecorder = SleepRecorder(),
  retryPolicy: RetryPolicy = RetryPolicy()
) throws -> GitLabClient {
  let connection = try GitLabConnection(
    baseURL: "https://gitlab.example.com", token: SecretValue(testToken), clientVersion: "1.2.3")
  return GitLabClient(
    connection: connection, transport: transport, retryPolicy: retryPolicy,
    sleep: { sleeper.sleep($0) })
}

/// The `GitLabError` `body` throws, failing the test if it throws something else or nothing.
func gitLabError<T>(
  _ body: () throws -> T, file: StaticString = #filePath, line: UInt = #line
) -> GitLabError? {
  do {
    _ = try body()
    XCTFail("expected a GitLabError", file: file, line: line)
  } catch let error as GitLabError {
    return error
  } catch {
    XCTFail("expected a GitLabError, got \(error)", file: file, line: line)
  }
  return nil
}

/// A token record as GitLab 19.x writes it.
func tokenJSON(
  id: Int, name: String = "ci", userID: Int = 2, revoked: Bool = false, extra: String = ""
) -> String {
  """
  {"id":\(id),"name":"\(name)","revoked":\(revoked),"created_at":"2026-01-02T03:04:05.678Z",\
  "description":null,"scopes":["api"],"user_id":\(userID),"last_used_at":null,\
  "active":\(!revoked),"expires_at":"2026-12-31","expired":false\(extra)}
  """
}
