import Foundation

/// Apply: executes a `Plan` against GitLab in dependency order and records every completed
/// action durably before reporting it.
///
/// For: ordering (levels of the configuration graph, deletions in reverse), parallelism,
/// re-planning an instance once its dependencies exist, skipping dependents of failures,
/// progress events. Not for: deciding changes (Plan/), file formats (State/), printing (CLI/
/// renders the events). Nothing here prints.

/// One step of an apply, for progress lines like Terraform's.
public struct ApplyEvent: Sendable {
  public enum Kind: Sendable {
    case started
    case completed(seconds: Int)
    case failed
  }

  public var address: InstanceAddress
  public var operation: ApplyOperation
  public var kind: Kind
  /// The object's id where known (`[id=...]`); never a secret.
  public var id: String?

  /// Terraform's progress line, e.g. `user_token.ci: Creation complete after 1s [id=12:34]`.
  public var line: String {
    let idText = id.map { " [id=\($0)]" } ?? ""
    switch kind {
    case .started:
      return "\(address): \(operation.startVerb)..." + (operation == .create ? "" : idText)
    case .completed(let seconds):
      let elapsed = seconds >= 60 ? "\(seconds / 60)m\(seconds % 60)s" : "\(seconds)s"
      return "\(address): \(operation.doneNoun) complete after \(elapsed)"
        + (operation == .delete ? "" : idText)
    case .failed:
      return "\(address): \(operation.doneNoun) failed"
    }
  }
}

/// What an apply step does to GitLab.
public enum ApplyOperation: Sendable, Equatable {
  case create
  case update
  case delete
  case read
  case importing

  var startVerb: String {
    switch self {
    case .create: return "Creating"
    case .update: return "Modifying"
    case .delete: return "Destroying"
    case .read: return "Reading"
    case .importing: return "Importing"
    }
  }

  var doneNoun: String {
    switch self {
    case .create: return "Creation"
    case .update: return "Modifications"
    case .delete: return "Destruction"
    case .read: return "Read"
    case .importing: return "Import"
    }
  }
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
