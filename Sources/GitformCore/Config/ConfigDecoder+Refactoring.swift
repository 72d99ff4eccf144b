/// `moved` and `removed` blocks: their static addresses, checked as Terraform checks them.
extension ConfigDecoder {
  mutating func decodeMoved(_ block: Block) {
    _ = labels(block, [])
    rejectUnexpected(block.body, attributes: ["from", "to"])
    let attributes = Dictionary(block.body.attributes.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    var endpoints: [MoveEndpoint] = []
    for name in ["from", "to"] {
      guard let attribute = attributes[name] else {
        diagnostics.append(missingArgument(name, in: block))
        continue
      }
      if let endpoint = endpoint(attribute.expression, in: "moved") { endpoints.append(endpoint) }
    }
    guard endpoints.count == 2 else { return }
    var (from, to) = (endpoints[0], endpoints[1])
    // Terraform's unification: an instance at one end makes the other end's bare address the
    // instance without a key (`a` → `a[0]` when count is added).
    if from.isInstance != to.isInstance {
      from.isInstance = true
      to.isInstance = true
    }
    configuration.moved.append(MovedBlock(from: from, to: to, block: block))
  }

  mutating func decodeRemoved(_ block: Block) {
    _ = labels(block, [])
    rejectUnexpected(block.body, attributes: ["from"], blocks: ["lifecycle"])
    guard let fromAttribute = block.body.attributes.first(where: { $0.name == "from" }) else {
      diagnostics.append(missingArgument("from", in: block))
      return
    }
    guard let from = endpoint(fromAttribute.expression, in: "removed") else { return }
    if from.resource.module.contains(where: { $0.key != nil }) {
      diagnostics.append(
        .error(
          "Module instance keys not allowed",
          detail: "Module address must be a module (e.g. \"module.foo\"), not a module instance (e.g. \"module.foo[1]\").",
          subject: fromAttribute.expression.range))
      return
    }
    if from.isInstance {
      diagnostics.append(
        .error(
          "Resource instance keys not allowed",
          detail: "Resource address must be a resource (e.g. \"test_instance.foo\"), not a resource instance (e.g. \"test_instance.foo[1]\").",
          subject: fromAttribute.expression.range))
      return
    }
    var destroy = true
    for lifecycle in block.body.blocks where lifecycle.type == "lifecycle" {
      rejectUnexpected(lifecycle.body, attributes: ["destroy"])
      if let attribute = lifecycle.body.attributes.first(where: { $0.name == "destroy" }) {
        destroy = constant(attribute.expression, as: .bool, what: "destroy flag")?.boolValue ?? true
      }
    }
    configuration.removed.append(RemovedBlock(from: from, destroy: destroy, block: block))
  }

  private func missingArgument(_ name: String, in block: Block) -> Diagnostic {
    .error(
      "Missing required argument",
      detail: "The argument \(Value.quoted(name)) is required, but no definition was found.",
      subject: block.definitionRange)
  }

  /// A managed resource or instance address written as a static reference.
  private mutating func endpoint(_ expression: Expression, in blockType: String) -> MoveEndpoint? {
    guard case .scopeTraversal(let traversal) = expression.kind else {
      diagnostics.append(
        .error(
          "Invalid expression",
          detail: "A single static variable reference is required: only attribute access and indexing with constant keys. No calculations, function calls, template expressions, etc are allowed here.",
          subject: expression.range))
      return nil
    }
    let address: ResourceInstanceAddress
    do {
      address = try InstanceAddress.parse(ReferenceChecker.text(of: traversal), allowingModule: true)
    } catch {
      diagnostics.append(
        .error(
          "Invalid address",
          detail: "A \(blockType) block's address must be a resource or resource instance, such as project_token.deploy or project_token.deploy[\"web\"]: \(error.reason).",
          subject: expression.range))
      return nil
    }
    guard address.resource.mode == .managed else {
      diagnostics.append(
        .error(
          "Invalid address",
          detail: "Data sources have no objects to \(blockType == "moved" ? "move" : "forget"): a \(blockType) block's address must be a managed resource.",
          subject: expression.range))
      return nil
    }
    if address.resource.isModuleOnly {
      return MoveEndpoint(resource: address.resource, key: nil, isInstance: false)
    }
    let hasKey = traversal.steps.last.map { if case .index = $0.kind { true } else { false } } ?? false
    return MoveEndpoint(resource: address.resource, key: address.key, isInstance: hasKey)
  }
}
