import Foundation

/// Keeps a remote state current during an apply, where the runner's disk dies with the job.
///
/// Every journal entry is folded into the state in memory and the state is uploaded, coalesced:
/// at most one upload is in flight, and the next one carries everything recorded meanwhile, so
/// 1,000 creates finishing together are a handful of uploads, not 1,000.
///
/// A pending record (an object marked before its create or rotation is sent) must be stored
/// before the request goes out — it is what lets the next run adopt what GitLab made if this
/// job is killed — so `record` waits for an upload that includes it. Other entries (a created
/// token's value, a removal) return at once and ride the next upload: if the job dies first,
/// the pending record already in the state leads the next run to the token. `finish` waits for
/// the last upload and stores the final state.
final class RemoteStatePusher: @unchecked Sendable {
  // @unchecked: every mutable member is guarded by `condition`.
  private let backend: StateBackend
  private let condition = NSCondition()
  private var state: State
  /// Entries recorded so far / included in the last upload that completed.
  private var recorded = 0
  private var uploaded = 0
  private var uploading = false
  private var failure: BackendError?
  /// Addresses whose pending create record `announce` already stored.
  private var announced: Set<InstanceAddress> = []
  /// `record` calls waiting for an upload; while there are none, uploads are spaced out.
  private var waiters = 0
  private var finishing = false
  /// The least time between two uploads nobody waits for: each carries the whole state (for
  /// 1,000 tokens about a megabyte that GitLab stores as a new version), so values that can
  /// wait are batched — a killed job's next run rotates the few whose values missed the last
  /// upload, as it does for any token adopted without its value.
  static let spacing: TimeInterval = 0.5
  /// Uploads made, for the apply's closing figures and the tests.
  private(set) var uploads = 0

  init(backend: StateBackend, state: State) {
    self.backend = backend
    self.state = state
  }

  /// Stores `entries` (pending create records) in one upload before the apply starts; the
  /// applier's pending records for these addresses then need not wait for an upload.
  func announce(_ entries: [InstanceAddress: JournalEntry]) throws(BackendError) {
    guard !entries.isEmpty else { return }
    condition.lock()
    var next = state
    for address in entries.keys.sorted() { entries[address]?.apply(to: &next) }
    condition.unlock()
    _ = try backend.persist(next)
    condition.lock()
    // Every later upload carries the announcements until the applier's records replace them.
    state = next
    announced.formUnion(entries.keys)
    uploads += 1
    condition.unlock()
  }

  /// Folds `entry` in and schedules an upload; waits for it when the entry is a pending record.
  func record(_ entry: JournalEntry) throws {
    condition.lock()
    defer { condition.unlock() }
    if let failure { throw failure }
    entry.apply(to: &state)
    recorded += 1
    let mine = recorded
    if !uploading {
      uploading = true
      Thread.detachNewThread { [self] in self.uploadLoop() }
    }
    guard Self.mustBeStoredFirst(entry), !(Self.address(of: entry).map(announced.contains) ?? false) else { return }
    waiters += 1
    condition.broadcast()
    while uploaded < mine && failure == nil { condition.wait() }
    waiters -= 1
    if let failure { throw failure }
  }

  /// Waits for the upload in flight, then stores `final` (which includes every entry).
  func finish(_ final: State) throws(BackendError) -> State {
    condition.lock()
    finishing = true
    condition.broadcast()
    while uploading { condition.wait() }
    condition.unlock()
    // Also after a failed upload: the final state carries everything, and the server may be back.
    return try backend.persist(final)
  }

  static func mustBeStoredFirst(_ entry: JournalEntry) -> Bool {
    if case .upsert(_, let instance) = entry, instance.status == .tainted { return true }
    return false
  }

  private func uploadLoop() {
    condition.lock()
    while recorded > uploaded && failure == nil {
      let snapshot = state
      let target = recorded
      condition.unlock()
      var problem: BackendError?
      do {
        try backend.persist(snapshot)
      } catch {
        problem = error
      }
      condition.lock()
      uploads += 1
      if let problem { failure = problem } else { uploaded = target }
      condition.broadcast()
      let next = Date().addingTimeInterval(Self.spacing)
      while waiters == 0 && !finishing && failure == nil && Date() < next { _ = condition.wait(until: next) }
    }
    uploading = false
    condition.broadcast()
    condition.unlock()
  }
}
