/// The top-level `gitform { backend "TYPE" { ... } }` block: where the state lives.
///
/// As Terraform's `backend` blocks, the settings are read before anything is evaluated, so each
/// one must be a literal (a string, a number or a boolean): no variables, functions or
/// interpolation. Which types and arguments exist is the Backend layer's to say (it resolves
/// them against the environment); this decoder checks the block's shape.
extension ConfigDecoder {
  mutating func decodeGitform(_ block: Block) {
    guard labels(block, []) != nil else { return }
    rejectUnexpected(block.body, attributes: [], blocks: ["backend"])
    for item in block.body.items {
      guard case .block(let backend) = item, backend.type == "backend" else { continue }
      decodeBackend(backend)
    }
  }

  private mutating func decodeBackend(_ block: Block) {
    guard block.labels.count == 1 else {
      diagnostics.append(
        .error(
          block.labels.isEmpty ? "Missing name for backend" : "Extra label on backend block",
          detail: "A backend block has one label, the backend type: backend \"gitlab\" or backend \"http\".",
          subject: block.labels.count > 1 ? block.labels[1].range : block.definitionRange))
      return
    }
    if let first = configuration.backend {
      diagnostics.append(
        .error(
          "Duplicate backend configuration",
          detail: "A configuration has at most one backend block; the first is backend "
            + "\(Value.quoted(first.type)) at \(first.block.definitionRange).",
          subject: block.definitionRange))
      return
    }
    var attributes: [String: String] = [:]
    for item in block.body.items {
      switch item {
      case .block(let nested):
        diagnostics.append(
          .error(
            "Unsupported block type",
            detail: "Blocks of type \(Value.quoted(nested.type)) are not expected in a backend block.",
            subject: nested.typeRange))
      case .attribute(let attribute):
        if let text = literalText(attribute.expression) {
          attributes[attribute.name] = text
        } else {
          diagnostics.append(
            .error(
              "Variables not allowed",
              detail: "The backend settings are read before anything else, so \(Value.quoted(attribute.name)) "
                + "must be a literal string, number or boolean: no variables, functions or "
                + "interpolation. Environment variables (TF_HTTP_*, GITLAB_TOKEN, CI_JOB_TOKEN) "
                + "fill in what changes between runs.",
              subject: attribute.expression.range))
        }
      }
    }
    configuration.backend = BackendBlock(type: block.labels[0].value, attributes: attributes, block: block)
  }

  /// The text of a literal setting: a string without interpolation, a number as written, or
  /// `true`/`false`; nil for anything that would need evaluating.
  private func literalText(_ expression: Expression) -> String? {
    switch expression.kind {
    case .literal(.bool(let value)): return value ? "true" : "false"
    case .literal(.number(let text)): return text
    case .literal(.string(let text)): return text
    case .template(let template):
      var text = ""
      for part in template.parts {
        guard case .literal(let piece, _) = part else { return nil }
        text += piece
      }
      return text
    case .parenthesized(let inner): return literalText(inner)
    default: return nil
    }
  }
}
