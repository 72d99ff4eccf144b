import Foundation

/// Apply progress as people read it: Terraform's line for each event the applier reports,
/// e.g. `user_token.ci: Creation complete after 1s [id=12:34]`, written whole as it happens.
/// The applier's workers report in parallel, so lines are written one at a time; their order
/// is the order the actions ran in. (The -json stream words the same events with the same
/// verbs, in `JSONUIStream.applyEvent`.)
final class ApplyProgressView: @unchecked Sendable {
  private let write: @Sendable (String) -> Void
  /// Keeps each line whole when several workers finish at once.
  private let lock = NSLock()

  init(write: @escaping @Sendable (String) -> Void) {
    self.write = write
  }

  func observe(_ event: ApplyEvent) {
    let line = event.line + "\n"
    lock.withLock { write(line) }
  }
}

extension ApplyEvent {
  /// Terraform's progress line for this event.
  var line: String {
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

extension ApplyOperation {
  /// `Creating`, `Modifying`, ...: what is happening while the step runs.
  var startVerb: String {
    switch self {
    case .create: return "Creating"
    case .update: return "Modifying"
    case .delete: return "Destroying"
    case .read: return "Reading"
    case .importing: return "Importing"
    }
  }

  /// `Creation`, `Modifications`, ...: the step's name in `... complete` and `... failed`.
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
