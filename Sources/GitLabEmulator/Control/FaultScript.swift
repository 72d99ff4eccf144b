import Foundation

/// Scripted faults: the next `times` requests matching a method and route template fail with
/// a status, are delayed, are committed and then lose their response, or are committed and
/// answered with another body (what a broken proxy or a wrong server sends: HTML, truncated or
/// differently shaped JSON), the status and everything else as GitLab's.
final class FaultScript: @unchecked Sendable {
  enum Action: Equatable, Sendable {
    case status(Int)
    case dropAfterCommit
    case delay(milliseconds: Int)
    case replaceBody(String, contentType: String)
  }

  struct Fault: Equatable, Sendable {
    var method: String
    var template: String
    var remaining: Int
    var action: Action
  }

  private let lock = NSLock()
  private var faults: [Fault] = []

  func add(_ fault: Fault) {
    lock.lock()
    defer { lock.unlock() }
    faults.append(fault)
  }

  func clear() {
    lock.lock()
    defer { lock.unlock() }
    faults.removeAll()
  }

  /// Consumes one use of the first fault scripted for this route, if any.
  func take(method: String, template: String) -> Action? {
    lock.lock()
    defer { lock.unlock() }
    guard let index = faults.firstIndex(where: { $0.method == method && $0.template == template })
    else { return nil }
    faults[index].remaining -= 1
    let action = faults[index].action
    if faults[index].remaining <= 0 { faults.remove(at: index) }
    return action
  }
}
