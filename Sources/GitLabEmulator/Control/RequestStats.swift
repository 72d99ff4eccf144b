import Foundation

/// Counts API requests, in total and by `"METHOD /route/template"`; control routes are not
/// counted, so tests can measure exactly the requests a client made.
final class RequestStats: @unchecked Sendable {
  private let lock = NSLock()
  private var total = 0
  private var routes: [String: Int] = [:]

  func count(_ key: String) {
    lock.lock()
    defer { lock.unlock() }
    total += 1
    routes[key, default: 0] += 1
  }

  func reset() {
    lock.lock()
    defer { lock.unlock() }
    total = 0
    routes.removeAll()
  }

  /// `{"total": N, "routes": {...}}` with routes sorted by key.
  func snapshot() -> JSONValue {
    lock.lock()
    defer { lock.unlock() }
    let sorted = routes.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.int($0.value)) }
    return .object([("total", .int(total)), ("routes", .object(sorted))])
  }
}
