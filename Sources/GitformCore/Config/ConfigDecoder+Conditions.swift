/// `precondition`/`postcondition` and `replace_triggered_by` in `lifecycle`, and `check` blocks.
extension ConfigDecoder {
  /// The lifecycle parts that are expressions, evaluated per instance (not constants).
  mutating func decodeLifecycleConditions(_ block: Block, into lifecycle: inout Lifecycle) {
    for nested in block.body.blocks {
      switch nested.type {
      case "precondition":
        if let rule = conditionRule(nested) { lifecycle.preconditions.append(rule) }
      case "postcondition":
        if let rule = conditionRule(nested) { lifecycle.postconditions.append(rule) }
      default: break
      }
    }
    guard let attribute = block.body.attributes.first(where: { $0.name == "replace_triggered_by" }) else { return }
    guard case .tuple(let elements) = attribute.expression.kind else {
      diagnostics.append(
        .error(
          "Invalid replace_triggered_by expression",
          detail: "replace_triggered_by must be a list of references to managed resources or their attributes.",
          subject: attribute.expression.range))
      return
    }
    for element in elements {
      guard let traversal = ConfigDecoder.triggerRoot(element),
        let reference = Reference(traversal, catalog: configuration.catalog),
        case .resource(let address) = reference.subject, address.mode == .managed
      else {
        diagnostics.append(
          .error(
            "Invalid replace_triggered_by expression",
            detail: "Each entry of replace_triggered_by must be a reference to a managed resource or one of its attributes, such as project_token.deploy or project_token.deploy.scopes.",
            subject: element.range))
        continue
      }
      lifecycle.replaceTriggeredBy.append(element)
    }
  }

  /// The resource reference a `replace_triggered_by` entry starts with: `r`, `r[0].a`, or
  /// `r[each.key].a` (an index written with the instance's own key).
  static func triggerRoot(_ expression: Expression) -> Traversal? {
    switch expression.kind {
    case .scopeTraversal(let traversal): return traversal
    case .index(let collection, _, _): return triggerRoot(collection)
    case .relativeTraversal(let source, _):
      if case .index = source.kind { return triggerRoot(source) }
      return nil
    default: return nil
    }
  }

  mutating func decodeCheck(_ block: Block) {
    guard let name = labels(block, ["name"])?.first else { return }
    rejectUnexpected(block.body, attributes: [], blocks: ["assert", "data"])
    for nested in block.body.blocks where nested.type == "data" {
      let before = configuration.resources.count
      decodeResource(nested, mode: .data)
      if configuration.resources.count > before { configuration.resources[before].check = name }
    }
    let assertions = block.body.blocks.filter { $0.type == "assert" }.compactMap { conditionRule($0) }
    if assertions.isEmpty {
      diagnostics.append(
        .error(
          "Missing required block",
          detail: "Check blocks must have at least one assert block.", subject: block.definitionRange))
      return
    }
    if let first = configuration.checks.first(where: { $0.name == name }) {
      diagnostics.append(
        .error(
          "Duplicate check \"\(name)\" configuration",
          detail: "A check block named \(Value.quoted(name)) was already declared at \(first.block.definitionRange). Check blocks must be unique within each module.",
          subject: block.definitionRange))
      return
    }
    configuration.checks.append(CheckBlock(name: name, assertions: assertions, block: block))
  }

  private mutating func conditionRule(_ block: Block) -> ConditionRule? {
    _ = labels(block, [])
    rejectUnexpected(block.body, attributes: ["condition", "error_message"])
    let attributes = Dictionary(block.body.attributes.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    var missing = false
    for name in ["condition", "error_message"] where attributes[name] == nil {
      diagnostics.append(
        .error(
          "Missing required argument",
          detail: "The argument \(Value.quoted(name)) is required, but no definition was found.",
          subject: block.definitionRange))
      missing = true
    }
    guard !missing, let condition = attributes["condition"], let message = attributes["error_message"] else { return nil }
    return ConditionRule(condition: condition.expression, errorMessage: message.expression)
  }
}
