import Foundation

/// The emulator's clock: expiry, `created_at`, reuse rules and rate-limit windows all follow it.
///
/// With `-now` it starts at that instant and stands still until the control route moves it,
/// so tests see exact timestamps. Without it, it follows real time plus any offset the
/// control route has added.
struct Clock: Codable, Equatable, Sendable {
  /// A fixed instant, or nil to follow the real time.
  var anchor: Date?
  /// Seconds added to the anchor or the real time.
  var offset: TimeInterval = 0

  init(start: Date?) { anchor = start }

  func now(real: Date = Date()) -> Date {
    (anchor ?? real).addingTimeInterval(offset)
  }

  /// Makes `now()` answer `date` (a fixed clock stays fixed; a running one keeps running).
  mutating func set(_ date: Date, real: Date = Date()) {
    if anchor != nil {
      anchor = date
      offset = 0
    } else {
      offset = date.timeIntervalSince(real)
    }
  }

  mutating func advance(seconds: TimeInterval) { offset += seconds }
}
