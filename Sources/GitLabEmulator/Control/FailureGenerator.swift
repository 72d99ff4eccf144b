import Foundation

/// `-fail-rate`/`-fail-seed`: decides, reproducibly, which API requests fail with 500, 502 or
/// 503. A SplitMix64 sequence from the seed, so the same seed and the same request order give
/// the same failures on every run and every platform.
final class FailureGenerator: @unchecked Sendable {
  private let lock = NSLock()
  private var state: UInt64
  private let rate: Double
  static let statuses = [500, 502, 503]

  init(rate: Double, seed: UInt64) {
    self.rate = min(max(rate, 0), 1)
    state = seed
  }

  /// The status to fail this request with, or nil to serve it.
  func nextFailure() -> Int? {
    guard rate > 0 else { return nil }
    lock.lock()
    defer { lock.unlock() }
    let roll = Double(next() >> 11) / Double(1 << 53)
    guard roll < rate else { return nil }
    return FailureGenerator.statuses[Int(next() % 3)]
  }

  private func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
