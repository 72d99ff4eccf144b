/// What a refresh reports while it reads GitLab, so the CLI can show progress as it happens
/// instead of predicting it from the state.
///
/// Events carry data only (addresses and ids); the words are the view's. They arrive from the
/// refresh's worker threads, several at a time, so an observer must be thread-safe.
public enum RefreshEvent: Sendable, Equatable {
  /// Before any read: every object this refresh will read, in address order. Sent once, so a
  /// view can show the later events in a stable order whatever order the reads run in.
  case reading([ResourceInstanceAddress])
  /// The read of this object begins (its owner's list request is sent). `id` is the id the
  /// state holds, as Terraform shows it in `Refreshing state... [id=...]`; never a secret.
  case started(ResourceInstanceAddress, id: String?)
  /// The read of this object is over: found, found gone, or failed (the plan's diagnostics
  /// say which).
  case finished(ResourceInstanceAddress)
}
