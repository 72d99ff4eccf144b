import Foundation

@testable import GitformCore

/// A scripted `HTTPTransport` for a state backend: answers from a queue and records every
/// request, for the wire details and retry rules that no emulator answer can provoke on demand.
final class FakeBackendTransport: HTTPTransport, @unchecked Sendable {
  enum Answer {
    case response(GitLabResponse)
    case failure(TransportFailure)
  }

  private let lock = NSLock()
  private var answers: [Answer]
  private(set) var requests: [GitLabRequest] = []

  init(_ answers: [Answer]) {
    self.answers = answers
  }

  static func status(_ code: Int, _ body: String = "", headers: [String: String] = [:]) -> Answer {
    .response(GitLabResponse(status: code, headers: headers, body: Data(body.utf8)))
  }

  func send(_ request: GitLabRequest) throws -> GitLabResponse {
    lock.lock()
    defer { lock.unlock() }
    requests.append(request)
    guard !answers.isEmpty else { return GitLabResponse(status: 599) }
    switch answers.removeFirst() {
    case .response(let response): return response
    case .failure(let failure): throw failure
    }
  }

  var sent: [GitLabRequest] {
    lock.lock()
    defer { lock.unlock() }
    return requests
  }
}

/// Records the waits a backend asks for instead of sleeping.
final class BackendSleepRecorder: @unchecked Sendable {
  private let lock = NSLock()
  private var recorded: [TimeInterval] = []

  var waits: [TimeInterval] {
    lock.lock()
    defer { lock.unlock() }
    return recorded
  }

  var sleep: @Sendable (TimeInterval) -> Void {
    { [self] seconds in
      lock.lock()
      recorded.append(seconds)
      lock.unlock()
    }
  }
}
