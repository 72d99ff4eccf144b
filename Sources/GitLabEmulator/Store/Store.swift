// Store/ is the emulated GitLab's memory: records, id sequences, access rules, token
// issuing and the clock. For: the data and the rules on it. Not for: HTTP, JSON entities or
// request parameters (API/), nor test-only controls (Control/).
import Foundation

/// The one object with identity behind the API: the data, the clock and the data file,
/// behind one lock so that concurrent connections see whole requests, one at a time.
final class Store: @unchecked Sendable {
  private let lock = NSLock()
  private var data: StoreData
  private var clock: Clock
  private let dataFile: DataFile?

  /// Loads the data file when one is configured and exists; otherwise seeds user 1 `root`.
  /// The configured root token always authenticates as root's token 1.
  init(configuration: EmulatorConfiguration) throws {
    clock = Clock(start: configuration.now)
    dataFile = configuration.dataFile.map(DataFile.init(path:))
    let now = clock.now()
    if let dataFile, var loaded = try dataFile.load() {
      if var rootToken = loaded.tokens[1], rootToken.value != configuration.rootToken {
        rootToken.value = configuration.rootToken
        loaded.insert(rootToken)
      }
      data = loaded
    } else {
      data = StoreData.seeded(rootToken: configuration.rootToken, now: now)
      try dataFile?.save(data)
    }
  }

  /// Runs `body` with exclusive access to the data and the current time, then saves the data
  /// file if anything changed. A save failure is reported as the request's failure: the
  /// change must not be acknowledged if it is not durable.
  func transaction<T>(_ body: (inout StoreData, Date) throws -> T) throws -> T {
    lock.lock()
    defer { lock.unlock() }
    let before = data.revision
    let result: T
    do {
      result = try body(&data, clock.now())
    } catch {
      if data.revision != before { try dataFile?.save(data) }
      throw error
    }
    if data.revision != before { try dataFile?.save(data) }
    return result
  }

  var now: Date {
    lock.lock()
    defer { lock.unlock() }
    return clock.now()
  }

  /// Applies a change to the clock and answers the new time.
  func changeClock(_ change: (inout Clock) -> Void) -> Date {
    lock.lock()
    defer { lock.unlock() }
    change(&clock)
    return clock.now()
  }
}
