import Foundation

@testable import GitformCore

/// A scripted `BackendTransport`: answers from a queue and records every request, for the wire
/// details and retry rules that no emulator answer can provoke on demand.
final class FakeBackendTransport: BackendTransport, @unchecked Sendable {
  enum Answer {
    case response(BackendResponse)
    case failure(BackendTransportFailure)
  }

  private let lock = NSLock()
  private var answers: [Answer]
  private(set) var requests: [BackendRequest] = []

  init(_ answers: [Answer]) {
    self.answers = answers
  }

  static func status(_ code: Int, _ body: String = "", headers: [String: String] = [:]) -> Answer {
    .response(BackendResponse(status: code, headers: headers, body: Data(body.utf8)))
  }

  func send(_ request: BackendRequest) throws(BackendTransportFailure) -> BackendResponse {
    lock.lock()
    defer { lock.unlock() }
    requests.append(request)
    guard !answers.isEmpty else { return BackendResponse(status: 599) }
    switch answers.removeFirst() {
    case .response(let response): return response
    case .failure(let failure): throw failure
    }
  }

  var sent: [BackendRequest] {
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
