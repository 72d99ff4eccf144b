import Foundation

/// The process-wide table of source file names behind `SourceRange.filename`.
///
/// Names are interned: each distinct name gets a small id once and keeps it, so ranges can
/// store the id and still compare equal exactly when their names are equal. The table only
/// grows, by one entry per distinct file name a process ever parses (a handful in practice).
/// A class because it is shared state; the lock makes it safe from any thread.
final class SourceFileNames: @unchecked Sendable {
  static let shared = SourceFileNames()

  private let lock = NSLock()
  private var names: [String] = []
  private var ids: [String: UInt32] = [:]

  func id(of name: String) -> UInt32 {
    lock.lock()
    defer { lock.unlock() }
    if let id = ids[name] { return id }
    let id = UInt32(truncatingIfNeeded: names.count)
    names.append(name)
    ids[name] = id
    return id
  }

  func name(of id: UInt32) -> String {
    lock.lock()
    defer { lock.unlock() }
    return Int(id) < names.count ? names[Int(id)] : ""
  }
}
