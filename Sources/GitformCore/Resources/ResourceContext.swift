import Foundation

/// What resource operations may use besides the object: the GitLab client, the plan's clock
/// and a per-run cache of project and group ids.
///
/// Shared by every worker of a refresh or apply, hence a class with a lock around its cache.
public final class ResourceContext: @unchecked Sendable {
  public let client: GitLabClient
  /// The clock of this run (`GITFORM_NOW` in tests); expiry decisions use its UTC day.
  public let now: Date
  private let lock = NSLock()
  private var namespaceIDs: [String: Int] = [:]
  /// Moved projects' and groups' current full paths, by `p:`/`g:` + id.
  private var currentPaths: [String: String] = [:]
  private var caller: GitLabUser?
  /// Projects and groups (`p:`/`g:` + reference) the token was seen to reach in this run.
  private var visibleParents: Set<String> = []
  /// Owners already checked this run, with the error each gave (nil: it exists).
  private var checkedOwners: [ObjectOwner: String?] = [:]

  public init(client: GitLabClient, now: Date) {
    self.client = client
    self.now = now
  }

  public var today: CalendarDate { CalendarDate(utcDayOf: now) }

  /// The numeric id of a project or group given by id or path, asked once per run.
  public func namespaceID(_ reference: GitLabReference, isGroup: Bool) throws -> Int {
    if case .id(let id) = reference { return id }
    let key = (isGroup ? "g:" : "p:") + reference.description
    lock.lock()
    let cached = namespaceIDs[key]
    lock.unlock()
    if let cached { return cached }
    let id = isGroup ? try client.group(reference).id : try client.project(reference).id
    lock.lock()
    namespaceIDs[key] = id
    lock.unlock()
    return id
  }

  /// The user the GitLab token belongs to, asked once per run.
  public func currentUser() throws -> GitLabUser {
    lock.lock()
    let cached = caller
    lock.unlock()
    if let cached { return cached }
    let user = try client.currentUser()
    lock.lock()
    caller = user
    lock.unlock()
    return user
  }

  /// Whether this run already saw the token reach the project or group `key` names.
  func isKnownVisible(_ key: String) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    return visibleParents.contains(key)
  }

  func recordVisible(_ key: String) {
    lock.lock()
    visibleParents.insert(key)
    lock.unlock()
  }

  /// Nil when `owner` exists and the token can see it; else why not, in words. Asked once
  /// per owner and run.
  public func problem(with owner: ObjectOwner) -> String? {
    lock.lock()
    let cached = checkedOwners[owner]
    lock.unlock()
    if let cached { return cached }
    var problem: String?
    do {
      switch owner.kind {
      case .project: _ = try namespaceID(GitLabReference(owner.reference), isGroup: false)
      case .group: _ = try namespaceID(GitLabReference(owner.reference), isGroup: true)
      case .user:
        if let id = Int(owner.reference) { _ = try client.user(id: id) }
      }
    } catch let error as GitLabError where error.code == .notFound || error.code == .forbidden {
      problem = "GitLab has no \(owner.description), or the token gitform runs with cannot see it."
    } catch let error as GitLabError {
      problem = "Could not look up \(owner.description): \(error.message)"
    } catch {
      problem = "Could not look up \(owner.description): \(error)"
    }
    lock.lock()
    checkedOwners[owner] = .some(problem)
    lock.unlock()
    return problem
  }

  /// Waits before a create in doubt is sent again, as the client's retry policy says (and tells
  /// its wait observer); false when the attempts are used up.
  public func pauseBeforeResending(afterAttempt attempt: Int, request: String, reason: String) -> Bool {
    client.pauseBeforeResending(afterAttempt: attempt, request: request, reason: reason)
  }

  /// Whether a failed create may be sent again: GitLab certainly made nothing, or may have and
  /// the engine can look first.
  public func mayResendCreate(_ error: Error) -> Bool { GitLabClient.mayResendCreate(error) }

  /// Whether GitLab may have made what a failed create asked for: the state keeps it pending.
  public func leavesCreateInDoubt(_ error: Error) -> Bool { GitLabClient.leavesCreateInDoubt(error) }

  /// True when this run found that the project or group GitLab knows as `reference` moved.
  public func hasMoved(_ reference: String, isGroup: Bool) -> Bool {
    client.moved.id(of: reference, isGroup: isGroup) != nil
  }

  /// The full path a project or group gitform knows as `reference` has now, when this run found
  /// that it moved (`GitLabClient.moved`); nil when it did not. Asked once per run.
  public func movedPath(_ reference: String, isGroup: Bool) -> String? {
    guard let id = client.moved.id(of: reference, isGroup: isGroup) else { return nil }
    let key = (isGroup ? "g:" : "p:") + String(id)
    lock.lock()
    let cached = currentPaths[key]
    lock.unlock()
    if let cached { return cached }
    let path = isGroup ? (try? client.group(.id(id)))?.fullPath : (try? client.project(.id(id)))?.pathWithNamespace
    guard let path else { return nil }
    lock.lock()
    currentPaths[key] = path
    lock.unlock()
    return path
  }

  /// True when both references name the same project (or group); false when either is unknown.
  public func sameNamespace(_ a: String, _ b: String, isGroup: Bool) -> Bool {
    if a == b { return true }
    guard let x = try? namespaceID(GitLabReference(a), isGroup: isGroup),
      let y = try? namespaceID(GitLabReference(b), isGroup: isGroup)
    else { return false }
    return x == y
  }
}
