/// `module` blocks: the call's meta-arguments and inputs; the module itself is loaded by
/// `ModuleLoader` once every file of the caller is decoded.
extension ConfigDecoder {
  mutating func decodeModule(_ block: Block) {
    guard let name = labels(block, ["name"])?.first else { return }
    var call = ModuleCall(name: name, source: "", block: block)
    var hasSource = false
    for attribute in block.body.attributes {
      switch attribute.name {
      case "source":
        guard let source = constant(attribute.expression, as: .string, what: "module source")?.stringValue else { continue }
        call.source = source
        hasSource = true
        if !(source.hasPrefix("./") || source.hasPrefix("../")) {
          diagnostics.append(
            .error(
              "Unsupported module source",
              detail: "The module source \(Value.quoted(source)) is not a local path. gitform loads modules only from "
                + "folders of this repository, named by a path starting with \"./\" or \"../\"; registry, Git and "
                + "other remote sources are not supported. Copy the module into the repository and give its "
                + "relative path.", subject: attribute.expression.range))
        }
      case "count": call.count = attribute.expression
      case "for_each": call.forEach = attribute.expression
      case "depends_on": call.dependsOn = decodeModuleDependsOn(attribute.expression)
      case "version":
        diagnostics.append(
          .error(
            "Invalid argument \"version\"",
            detail: "A version applies only to modules from a registry; gitform loads local modules, which have no version.",
            subject: attribute.nameRange))
      case "providers":
        diagnostics.append(
          .error(
            "Unsupported argument",
            detail: "gitform has one provider, which every module uses: a module call takes no \"providers\" argument.",
            subject: attribute.nameRange))
      default:
        call.inputs.append(attribute)
      }
    }
    for nested in block.body.blocks {
      diagnostics.append(
        .error(
          "Unsupported block type",
          detail: "Blocks of type \(Value.quoted(nested.type)) are not expected here.", subject: nested.typeRange))
    }
    if !hasSource {
      diagnostics.append(
        .error(
          "Missing required argument", detail: "The argument \"source\" is required, but no definition was found.",
          subject: block.openBraceRange))
      return
    }
    if call.count != nil, let forEach = call.forEach {
      diagnostics.append(
        .error(
          "Invalid combination of \"count\" and \"for_each\"",
          detail: "The \"count\" and \"for_each\" meta-arguments are mutually-exclusive, only one "
            + "should be used to be explicit about the number of resources to be created.",
          subject: forEach.range))
    }
    if let first = configuration.modules.first(where: { $0.name == name }) {
      diagnostics.append(
        .error(
          "Duplicate module call",
          detail: "A module call named \(Value.quoted(name)) was already defined at \(first.block.definitionRange). "
            + "Module calls must have unique names within a module.", subject: block.definitionRange))
      return
    }
    configuration.modules.append(call)
  }

  /// `depends_on` of a module call: resources or other module calls.
  private mutating func decodeModuleDependsOn(_ expression: Expression) -> [ConfigGraph.Node] {
    guard case .tuple(let elements) = expression.kind else {
      diagnostics.append(
        .error("Invalid depends_on", detail: "depends_on must be a list of references.", subject: expression.range))
      return []
    }
    var nodes: [ConfigGraph.Node] = []
    for element in elements {
      if case .scopeTraversal(let traversal) = element.kind, let reference = Reference(traversal, catalog: configuration.catalog) {
        switch reference.subject {
        case .resource(let address):
          nodes.append(.resource(address))
          continue
        case .module(let name, _):
          nodes.append(.module(name))
          continue
        default: break
        }
      }
      diagnostics.append(
        .error(
          "Invalid depends_on reference",
          detail: "A depends_on entry must be a reference to a resource, a data source or a module call, such as "
            + "user_token.ci or module.team.", subject: element.range))
    }
    return nodes
  }
}

extension ConfigDecoder {
  /// What a called module may not have: a backend and import blocks (the root's alone, as in
  /// Terraform), `moved` and `removed` blocks (gitform reads them in the root module only).
  /// A `provider` block is ignored with a warning: there is one provider, configured by the
  /// root module (or the environment).
  mutating func moduleRestrictions() -> [Diagnostic] {
    var problems: [Diagnostic] = []
    let place = configuration.moduleDescription
    if let provider = configuration.provider {
      problems.append(
        .warning(
          "Provider configuration in a module is ignored",
          detail: "gitform has one GitLab provider, configured in the root module or by GITLAB_BASE_URL and GITLAB_TOKEN; the provider block in \(place) has no effect. Remove it.",
          subject: provider.block.definitionRange))
      configuration.provider = nil
    }
    if let backend = configuration.backend {
      problems.append(
        .error(
          "Backend configuration in a module",
          detail: "Only the root module may configure where state is kept; remove the gitform block from \(place).",
          subject: backend.block.definitionRange))
      configuration.backend = nil
    }
    for entry in configuration.imports {
      problems.append(
        .error(
          "Invalid import configuration",
          detail: "An import block was detected in \(place). Import blocks may only be included in the root module; write it there with to = \(place).\(entry.to).",
          subject: entry.block.definitionRange))
    }
    configuration.imports = []
    for block in configuration.moved.map(\.block) + configuration.removed.map(\.block) {
      problems.append(
        .error(
          "Unsupported block in a module",
          detail: "gitform reads moved and removed blocks in the root module only; write this one in the root module with the addresses starting at \(place).",
          subject: block.definitionRange))
    }
    configuration.moved = []
    configuration.removed = []
    return problems
  }
}
