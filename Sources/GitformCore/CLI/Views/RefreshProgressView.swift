import Foundation

/// Terraform's refresh lines, `user_token.ci: Refreshing state... [id=2:4]`, printed as each
/// object's read begins — reported by the refresh as it happens, not predicted from the state.
///
/// Reads run in parallel batches (one list request per owner), so they begin in no fixed
/// order; the lines still come out sorted by address, as the golden plans show them. A line
/// waits only until every earlier address has begun too (`RefreshEvent.reading` names them
/// all first), so a slow read holds back the lines after it but never its own.
final class RefreshProgressView: @unchecked Sendable {
  private let write: @Sendable (String) -> Void
  /// Guards the fields below and keeps lines whole: events come from the refresh's workers.
  private let lock = NSLock()
  private var order: [ResourceInstanceAddress] = []
  private var printed = 0
  private var waiting: [ResourceInstanceAddress: String] = [:]

  init(write: @escaping @Sendable (String) -> Void) {
    self.write = write
  }

  func observe(_ event: RefreshEvent) {
    lock.lock()
    defer { lock.unlock() }
    switch event {
    case .reading(let addresses):
      order = addresses
      printed = 0
      waiting = [:]
    case .started(let address, let id):
      waiting[address] = Self.line(address, id: id)
      while printed < order.count, let line = waiting.removeValue(forKey: order[printed]) {
        write(line)
        printed += 1
      }
    case .finished:
      // Terraform's human view says nothing when a read ends; its outcome is in the plan.
      break
    }
  }

  /// One refresh line; without `[id=...]` when the id is unknown or sensitive.
  static func line(_ address: ResourceInstanceAddress, id: String?) -> String {
    "\(address): Refreshing state..." + (id.map { " [id=\($0)]" } ?? "") + "\n"
  }
}
