/// `resource` and `data` blocks: labels, type, meta-arguments and a static schema check.
extension ConfigDecoder {
  static let metaArguments = ["count", "depends_on", "for_each", "provider"]

  mutating func decodeResource(_ block: Block, mode: ResourceMode) {
    guard let names = labels(block, ["type", "name"]) else { return }
    let (type, name) = (names[0], names[1])
    let schema: ResourceSchema
    if mode == .managed {
      if TimeProviderMigration.resourceTypes.contains(type) { timeResources[type + "." + name] = block }
      guard let resourceType = configuration.catalog.managed(type) else {
        diagnostics.append(
          .error(
            "Invalid resource type",
            detail: "gitform does not support resource type \(Value.quoted(type))."
              + (TimeProviderMigration.advice(for: type, block: block).map { " " + $0 }
                ?? didYouMean(type, among: configuration.catalog.managedTypes.map(\.name))),
            subject: block.labels[0].range))
        return
      }
      schema = resourceType.schema
    } else {
      guard let dataSource = configuration.catalog.dataSource(type) else {
        diagnostics.append(
          .error(
            "Invalid data source",
            detail: "gitform does not support data source \(Value.quoted(type))."
              + didYouMean(type, among: configuration.catalog.dataSourceTypes.map(\.name)),
            subject: block.labels[0].range))
        return
      }
      schema = dataSource.schema
    }
    var resource = ResourceBlock(
      mode: mode, type: type, name: name, block: block, count: nil, forEach: nil, dependsOn: [],
      lifecycle: Lifecycle())
    for attribute in block.body.attributes {
      switch attribute.name {
      case "count": resource.count = attribute.expression
      case "for_each": resource.forEach = attribute.expression
      case "depends_on": resource.dependsOn = decodeDependsOn(attribute.expression, modules: &resource.dependsOnModules)
      case "provider": break
      default: break
      }
    }
    if resource.count != nil, let forEach = resource.forEach {
      diagnostics.append(
        .error(
          "Invalid combination of \"count\" and \"for_each\"",
          detail: "The \"count\" and \"for_each\" meta-arguments are mutually-exclusive, only one "
            + "should be used to be explicit about the number of resources to be created.",
          subject: forEach.range))
    }
    checkBody(block, schema: schema, allowsLifecycle: mode == .managed, cacheKey: "\(mode == .managed) \(type)")
    resource.dynamicBlocks = decodeDynamicBlocks(block, schema: schema)
    for lifecycleBlock in block.body.blocks where lifecycleBlock.type == "lifecycle" && mode == .managed {
      resource.lifecycle = decodeLifecycle(lifecycleBlock, schema: schema)
    }
    configuration.resources.append(resource)
  }

  /// Names, required arguments, computed-only arguments and nested blocks of a resource body.
  mutating func checkBody(_ block: Block, schema: ResourceSchema, allowsLifecycle: Bool, cacheKey: String? = nil) {
    let expectation: BodyExpectation
    if let cacheKey, let known = bodyExpectations[cacheKey] {
      expectation = known
    } else {
      expectation = BodyExpectation(schema: schema, allowsLifecycle: allowsLifecycle)
      if let cacheKey { bodyExpectations[cacheKey] = expectation }
    }
    if expectation.hasNothingToReport(block.body) { return }
    rejectUnexpected(
      block.body, attributes: expectation.attributes, expected: expectation.expected,
      blocks: expectation.blocks)
    let written = Set(block.body.attributes.map(\.name))
    for attribute in block.body.attributes {
      if let schemaAttribute = schema.attribute(attribute.name), !schemaAttribute.isConfigurable {
        diagnostics.append(
          .error(
            "Invalid or unknown key",
            detail: "Can't configure a value for \(Value.quoted(attribute.name)): its value will "
              + "be decided automatically based on the result of applying this configuration.",
            subject: attribute.nameRange))
      }
    }
    let writtenBlocks = Set(block.body.blocks.map { $0.type == "dynamic" ? $0.labels.first?.value ?? "" : $0.type })
    for attribute in schema.attributes
    where attribute.presence == .required && !written.contains(attribute.name) && !writtenBlocks.contains(attribute.name) {
      diagnostics.append(
        .error(
          "Missing required argument",
          detail: "The argument \(Value.quoted(attribute.name)) is required, but no definition was found.",
          subject: block.openBraceRange))
    }
    var seenBlocks: Set<String> = []
    for nested in block.body.blocks {
      guard let nestedSchema = schema.attribute(nested.type), !nestedSchema.nested.isEmpty else { continue }
      if written.contains(nested.type) {
        diagnostics.append(
          .error(
            "Duplicate \(nested.type)",
            detail: "\(Value.quoted(nested.type)) is set both as an argument and as a block; "
              + "write it once, as \(nested.type) = { ... }.",
            subject: nested.typeRange))
      }
      if !seenBlocks.insert(nested.type).inserted {
        diagnostics.append(
          .error(
            "Too many \(nested.type) blocks",
            detail: "No more than 1 \(Value.quoted(nested.type)) block is allowed.",
            subject: nested.typeRange))
      }
      rejectUnexpected(nested.body, attributes: nestedSchema.nested.map(\.name))
      let nestedWritten = Set(nested.body.attributes.map(\.name))
      for attribute in nestedSchema.nested
      where attribute.presence == .required && !nestedWritten.contains(attribute.name) {
        diagnostics.append(
          .error(
            "Missing required argument",
            detail: "The argument \(Value.quoted(attribute.name)) is required, but no definition was found.",
            subject: nested.openBraceRange))
      }
    }
  }

  /// `depends_on` entries: resources, and module calls (`module.team`) into `modules`.
  mutating func decodeDependsOn(_ expression: Expression, modules: inout [String]) -> [ResourceAddress] {
    guard case .tuple(let elements) = expression.kind else {
      diagnostics.append(
        .error(
          "Invalid depends_on", detail: "depends_on must be a list of resource references.",
          subject: expression.range))
      return []
    }
    var addresses: [ResourceAddress] = []
    for element in elements {
      if case .scopeTraversal(let traversal) = element.kind,
        case .module(let name, nil)? = Reference(traversal, catalog: configuration.catalog)?.subject
      {
        modules.append(name)
        continue
      }
      guard case .scopeTraversal(let traversal) = element.kind,
        let reference = Reference(traversal, catalog: configuration.catalog), case .resource(let address) = reference.subject
      else {
        diagnostics.append(
          .error(
            "Invalid depends_on reference",
            detail: "A depends_on entry must be a reference to a resource, a data source or a module call, such as "
              + "user_token.ci or module.team.", subject: element.range))
        continue
      }
      addresses.append(address)
    }
    return addresses
  }

  mutating func decodeLifecycle(_ block: Block, schema: ResourceSchema) -> Lifecycle {
    var lifecycle = Lifecycle()
    rejectUnexpected(
      block.body, attributes: ["create_before_destroy", "ignore_changes", "prevent_destroy", "replace_triggered_by"],
      blocks: ["postcondition", "precondition"])
    decodeLifecycleConditions(block, into: &lifecycle)
    for attribute in block.body.attributes {
      switch attribute.name {
      case "create_before_destroy":
        lifecycle.createBeforeDestroy = constant(attribute.expression, as: .bool, what: "create_before_destroy")?.boolValue
      case "prevent_destroy":
        lifecycle.preventDestroy = constant(attribute.expression, as: .bool, what: "prevent_destroy")?.boolValue ?? false
      case "ignore_changes":
        if case .scopeTraversal(let traversal) = attribute.expression.kind,
          traversal.root.name == "all", traversal.steps.isEmpty
        {
          lifecycle.ignoreAllChanges = true
        } else if case .tuple(let elements) = attribute.expression.kind {
          for element in elements {
            guard case .scopeTraversal(let traversal) = element.kind else {
              diagnostics.append(
                .error(
                  "Invalid ignore_changes", detail: "Each entry must be an attribute name.",
                  subject: element.range))
              continue
            }
            let name = traversal.root.name
            guard schema.attribute(name)?.isConfigurable == true else {
              diagnostics.append(
                .error(
                  "Unsupported attribute",
                  detail: "This object has no argument named \(Value.quoted(name))."
                    + didYouMean(name, among: schema.configurableNames), subject: element.range))
              continue
            }
            lifecycle.ignoreChanges.append(name)
          }
        } else {
          diagnostics.append(
            .error(
              "Invalid ignore_changes", detail: "ignore_changes must be a list of attribute names or all.",
              subject: attribute.expression.range))
        }
      default: break
      }
    }
    return lifecycle
  }
}

/// The names `checkBody` accepts in the body of one schema: the same for every block of a
/// resource type, so made once per type (remade per block, they were 10% of validating 10,000).
struct BodyExpectation {
  var attributes: [String]
  var expected: Set<String>
  var blocks: [String]
  /// Each name a plain body may write without a word from `checkBody` (configurable
  /// attributes, and meta-arguments the schema does not also name) → its position among the
  /// required attributes, or -1.
  var plainNames: [String: Int] = [:]
  var requiredCount = 0

  /// True when `body` is the common case `checkBody` has nothing to say about: no nested
  /// blocks, only configurable attributes and meta-arguments, every required attribute written.
  /// One hash per attribute, where the full check takes several; it is never wrong in the
  /// other direction, since anything else goes to the full check. (The parser keeps one
  /// attribute per name, so counting the required ones seen is enough.)
  func hasNothingToReport(_ body: Body) -> Bool {
    guard body.items.count == body.attributes.count else { return false }
    var required = 0
    for attribute in body.attributes {
      guard let slot = plainNames[attribute.name] else { return false }
      if slot >= 0 { required += 1 }
    }
    return required == requiredCount
  }

  init(schema: ResourceSchema, allowsLifecycle: Bool) {
    let requiredNames = schema.attributes.filter { $0.presence == .required }.map(\.name)
    requiredCount = requiredNames.count
    for attribute in schema.attributes where attribute.isConfigurable {
      plainNames[attribute.name] = requiredNames.firstIndex(of: attribute.name) ?? -1
    }
    for name in ConfigDecoder.metaArguments where schema.attribute(name) == nil { plainNames[name] = -1 }
    let attributeNames = schema.attributes.map(\.name) + ConfigDecoder.metaArguments
    // A nested attribute may also be written as a block, gitform's earlier spelling.
    blocks = schema.nestedAttributes.map(\.name) + (allowsLifecycle ? ["lifecycle"] : []) + ["dynamic"]
    attributes =
      attributeNames.filter { name in schema.attribute(name).map(\.isConfigurable) ?? true }
      + schema.attributes.filter { !$0.isConfigurable }.map(\.name)
    expected = Set(attributes)
  }
}
