import Foundation

/// One step of an apply, for progress lines like Terraform's.
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

  /// Terraform's progress line, e.g. `user_token.ci: Creation complete after 1s [id=12:34]`.
  public var line: String {
    let idText = id.map { " [id=\($0)]" } ?? ""
    let address = deposed.map { "\(self.address) (deposed object \($0))" } ?? self.address.description
    switch kind {
    case .started:
      return "\(address): \(operation.startVerb)..." + (operation == .create ? "" : idText)
    case .completed(let seconds):
      let elapsed = seconds >= 60 ? "\(seconds / 60)m\(seconds % 60)s" : "\(seconds)s"
      return "\(address): \(operation.doneNoun) complete after \(elapsed)"
        + (operation == .delete ? "" : idText)
    case .running(let seconds):
      let clock = String(format: "%02dm%02ds", seconds / 60, seconds % 60)
      let idPart = operation == .create ? "" : id.map { "id=\($0), " } ?? ""
      return "\(address): Still \(operation.startVerb.lowercased())... [\(idPart)\(clock) elapsed]"
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
