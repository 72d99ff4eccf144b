import Foundation

/// Projects and groups found under a new path in this run: their old path (as gitform was
/// given it) and numeric id, so every later request reaches them by id.
///
/// GitLab answers a renamed or transferred project's old path with a 301 to its id for GET and
/// with 405 for anything else, and a group's old path with 404 (gitlab-api.md §0). The client
/// follows the 301 and learns the id; Resources find a group by other means and record it here.
/// Shared by every copy of one client (a reference), safe across the apply's threads.
public final class MovedNamespaces: @unchecked Sendable {
  /// One project or group reached by id because its old path no longer names it.
  public struct Move: Sendable, Hashable {
    public var isGroup: Bool
    /// The path gitform was given, decoded (`team/app`).
    public var oldPath: String
    public var id: Int
  }

  private let lock = NSLock()
  private var moves: [String: Move] = [:]

  public init() {}

  private static func key(_ isGroup: Bool, _ path: String) -> String {
    (isGroup ? "g:" : "p:") + path.lowercased()
  }

  public func record(isGroup: Bool, oldPath: String, id: Int) {
    lock.lock()
    moves[MovedNamespaces.key(isGroup, oldPath)] = Move(isGroup: isGroup, oldPath: oldPath, id: id)
    lock.unlock()
  }

  /// The id a former path of a project or group now stands for, when this run learnt one.
  public func id(of path: String, isGroup: Bool) -> Int? {
    lock.lock()
    defer { lock.unlock() }
    return moves[MovedNamespaces.key(isGroup, path)]?.id
  }
}
