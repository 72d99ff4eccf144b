/// `validate` on the `gitform { backend ... }` block: the backend type and its argument names,
/// with the block's source range, before a command needs the state. Values are resolved (with
/// the environment) only when a command opens the backend.
extension ValidateCommand {
  static func backendDiagnostics(_ backend: BackendBlock?) -> [Diagnostic] {
    guard let backend else { return [] }
    let names: [String]
    switch backend.type {
    case "gitlab": names = GitLabStateSettings.attributeNames
    case "http": names = HTTPBackendSettings.attributeNames
    default:
      let suggestion = NameSuggestion.suggest(backend.type, among: BackendConfiguration.types)
      return [
        .error(
          "Unsupported backend type",
          detail: "gitform has no backend \(Value.quoted(backend.type)): use backend \"gitlab\" for GitLab-managed state, backend \"http\" for any server speaking Terraform's http backend protocol, or no backend block for a local state file."
            + (suggestion.map { " Did you mean \(Value.quoted($0))?" } ?? ""),
          subject: backend.block.labels.first?.range ?? backend.block.definitionRange)
      ]
    }
    var diagnostics: [Diagnostic] = []
    for attribute in backend.block.body.attributes where !names.contains(attribute.name) {
      let suggestion = NameSuggestion.suggest(attribute.name, among: names)
      diagnostics.append(
        .error(
          "Unsupported argument",
          detail: "An argument named \(Value.quoted(attribute.name)) is not expected in a backend \(Value.quoted(backend.type)) block."
            + (suggestion.map { " Did you mean \(Value.quoted($0))?" } ?? ""),
          subject: attribute.nameRange))
    }
    return diagnostics
  }
}
