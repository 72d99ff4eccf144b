import Foundation

/// Structures a short-lived command builds once and reads until it exits, kept instead of freed.
///
/// Freeing a large configuration, its syntax trees and the evaluated instances one node at a
/// time is work the operating system does for nothing at exit: it was about a tenth of
/// `gitform validate`'s time on 10,000 resources (compilers skip it the same way). Only the
/// `gitform` executable turns this on, at start; everything else — the tests, which run many
/// commands in one process — frees as usual.
public enum ProcessLifetime {
  private static let storage = Storage()

  /// Makes `keepUntilExit` keep what it is given. For an executable's `main` only.
  public static func skipTeardownAtExit() { storage.enable() }

  /// Keeps `object` alive until the process exits, when `skipTeardownAtExit` was called.
  public static func keepUntilExit(_ object: Any) { storage.keep(object) }

  private final class Storage: @unchecked Sendable {
    private let lock = NSLock()
    private var enabled = false
    private var kept: [Any] = []

    func enable() { lock.withLock { enabled = true } }

    func keep(_ object: Any) {
      lock.withLock { if enabled { kept.append(object) } }
    }
  }
}
