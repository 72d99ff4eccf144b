import Foundation

/// One step of an apply, as data: the CLI's views word it (`ApplyEvent.line`, the -json
/// stream's hooks), the engine only reports it.
public struct ApplyEvent: Sendable {
  public enum Kind: Sendable {
    case started
    case completed(seconds: Int)
    /// Still running after this many seconds (every `Applier.progressInterval`).
    case running(seconds: Int)
    case failed
  }

  public var address: InstanceAddress
  public var operation: ApplyOperation
  public var kind: Kind
  /// The object's id where known (`[id=...]`); never a secret.
  public var id: String?
  /// For the old object of a replacement: its deposed key.
  public var deposed: String?
}

/// What an apply step does to GitLab.
public enum ApplyOperation: Sendable, Equatable {
  case create
  case update
  case delete
  case read
  case importing
}

/// What an apply did.
public struct ApplyResult: Sendable {
  /// The state after the apply: every completed action included, failed ones not.
  public var state: StateSnapshot
  public var diagnostics: [Diagnostic]
  public var imported = 0
  public var added = 0
  public var changed = 0
  public var destroyed = 0
}
