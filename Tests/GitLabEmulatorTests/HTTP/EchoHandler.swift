import Foundation
@testable import GitLabEmulator

/// The server tests' handler: answers with what it received, and a few paths trigger the
/// behaviours under test.
final class EchoHandler: HTTPHandler, @unchecked Sendable {
  private let lock = NSCondition()
  private var arrived = 0
  /// `/gather` blocks until this many `/gather` requests are in the handler at once.
  var gatherCount = 0

  func handle(_ request: HTTPRequest) -> HTTPResponse {
    switch request.path {
    case "/drop":
      return HTTPResponse(status: 200, body: Data("never sent".utf8), dropConnection: true)
    case "/no-content":
      return HTTPResponse(status: 204)
    case "/handler-close":
      return HTTPResponse(status: 200, headers: [(name: "Connection", value: "close")])
    case "/gather":
      return gather()
    case "/hold":
      Thread.sleep(forTimeInterval: 0.6)
      return HTTPResponse(status: 200, body: Data("held".utf8))
    default:
      let echo = "\(request.method) \(request.path) \(request.query ?? "-") "
        + String(decoding: request.body, as: UTF8.self)
      return HTTPResponse(
        status: 200,
        headers: [
          (name: "Content-Type", value: "text/plain"),
          (name: "Content-Length", value: "999"),  // server-owned: must be ignored
          (name: "X-Header-Count", value: "\(request.headers.count)"),
        ],
        body: Data(echo.utf8))
    }
  }

  /// Proves concurrency: no request returns until `gatherCount` are being handled together.
  private func gather() -> HTTPResponse {
    lock.lock()
    arrived += 1
    lock.broadcast()
    let deadline = Date().addingTimeInterval(20)
    while arrived < gatherCount && lock.wait(until: deadline) {}
    let together = arrived >= gatherCount
    lock.unlock()
    return HTTPResponse(status: together ? 200 : 504, body: Data("\(together)".utf8))
  }
}
