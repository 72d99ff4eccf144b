import Foundation

/// The words of apply progress: Terraform's lines for the events the applier reports, e.g.
/// `user_token.ci: Creation complete after 1s [id=12:34]`. The -json stream uses the same verbs
/// in its messages.
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
