/// Checks that every reference names something declared, and that `count.index` and `each.*`
/// appear only where they mean something.
struct ReferenceChecker {
  let configuration: Configuration
  /// hashicorp/time resources the decoder rejected, by "type.name": their period shapes the advice.
  var timeResources: [String: Block] = [:]

  /// `user_token.ci` as source text, for messages and address parsing.
  static func text(of traversal: Traversal) -> String {
    var text = traversal.root.name
    for step in traversal.steps {
      switch step.kind {
      case .attribute(let name): text += "." + name
      case .index(.number(let n)): text += "[\(n)]"
      case .index(.string(let s)): text += "[\(Value.quoted(s))]"
      case .index(.bool(let b)): text += "[\(b)]"
      case .index(.null): text += "[null]"
      }
    }
    return text
  }

  func check(into diagnostics: inout [Diagnostic]) {
    for resource in configuration.resources {
      for item in resource.block.body.items {
        if case .block(let block) = item, block.type == "dynamic" {
          checkDynamic(block, resource: resource, into: &diagnostics)
          continue
        }
        for expression in ReferenceChecker.expressions(in: item) {
          check(expression, resource: resource, into: &diagnostics)
        }
      }
    }
    for resource in configuration.resources where resource.lifecycle.hasExpressions {
      let lifecycle = resource.lifecycle
      // `self` is the object itself: known to postconditions only.
      for rule in lifecycle.postconditions {
        check(rule.condition, resource: resource, iterator: "self", into: &diagnostics)
        check(rule.errorMessage, resource: resource, iterator: "self", into: &diagnostics)
      }
      for expression in lifecycle.preconditions.flatMap({ [$0.condition, $0.errorMessage] }) + lifecycle.replaceTriggeredBy {
        for reference in Reference.all(in: expression, catalog: configuration.catalog) where reference.subject == .unknown("self") {
          diagnostics.append(
            .error(
              "Invalid \"self\" reference",
              detail: "The \"self\" object is not available in this context. This object can be used only in resource provisioner, connection, and postcondition blocks.",
              subject: reference.range))
        }
        check(expression, resource: resource, into: &diagnostics)
      }
    }
    for check in configuration.checks {
      for rule in check.assertions {
        self.check(rule.condition, resource: nil, inCheck: check.name, into: &diagnostics)
        self.check(rule.errorMessage, resource: nil, inCheck: check.name, into: &diagnostics)
      }
    }
    for call in configuration.modules {
      for expression in call.expressions { check(expression, resource: nil, call: call, into: &diagnostics) }
    }
    for local in configuration.locals { check(local.expression, resource: nil, into: &diagnostics) }
    for output in configuration.outputs { check(output.value, resource: nil, into: &diagnostics) }
    for entry in configuration.imports { check(entry.id, resource: nil, into: &diagnostics) }
    if let provider = configuration.provider {
      for (_, expression) in provider.expressions {
        check(expression, resource: nil, into: &diagnostics)
      }
    }
    for variable in configuration.variables {
      for validation in variable.validations {
        for reference in Reference.all(in: validation.condition, catalog: configuration.catalog) + Reference.all(in: validation.errorMessage, catalog: configuration.catalog) {
          if reference.subject != .variable(variable.name) {
            diagnostics.append(
              .error(
                "Invalid reference in variable validation",
                detail: "The condition for variable \(Value.quoted(variable.name)) can only refer to the variable itself, using var.\(variable.name).",
                subject: reference.range))
          }
        }
      }
    }
  }

  /// The expressions of a body item, nested blocks included; `lifecycle` is static.
  static func expressions(in item: BodyItem) -> [Expression] {
    switch item {
    case .attribute(let attribute): return [attribute.expression]
    case .block(let block):
      if block.type == "lifecycle" { return [] }
      return block.body.items.flatMap { expressions(in: $0) }
    }
  }

  /// The problems of references in one free-standing expression (a `console` input): names
  /// that are not declared, in the words of the configuration's own checks.
  public static func diagnostics(of expression: Expression, in configuration: Configuration) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    ReferenceChecker(configuration: configuration).check(expression, resource: nil, into: &diagnostics)
    return diagnostics
  }

  /// A `dynamic` block: `for_each` reads the resource's scope, the rest also the iterator.
  private func checkDynamic(_ block: Block, resource: ResourceBlock, into diagnostics: inout [Diagnostic]) {
    var iterator = block.labels.first?.value ?? ""
    for attribute in block.body.attributes {
      switch attribute.name {
      case "for_each": check(attribute.expression, resource: resource, into: &diagnostics)
      case "iterator":
        if case .scopeTraversal(let traversal) = attribute.expression.kind { iterator = traversal.root.name }
      default: break
      }
    }
    for content in block.body.blocks {
      for item in content.body.items {
        for expression in ReferenceChecker.expressions(in: item) {
          check(expression, resource: resource, iterator: iterator, into: &diagnostics)
        }
      }
    }
  }

  private func check(
    _ expression: Expression, resource: ResourceBlock?, iterator: String? = nil, inCheck: String? = nil,
    call: ModuleCall? = nil, into diagnostics: inout [Diagnostic]
  ) {
    for reference in Reference.all(in: expression, catalog: configuration.catalog) {
      if let iterator, case .unknown(iterator) = reference.subject { continue }
      if let iterator, case .incomplete(iterator) = reference.subject { continue }
      switch reference.subject {
      case .variable(let name):
        if !configuration.variables.contains(where: { $0.name == name }) {
          diagnostics.append(
            .error(
              "Reference to undeclared input variable",
              detail: "An input variable with the name \(Value.quoted(name)) has not been declared."
                + undeclaredVariableHint(name),
              subject: reference.range))
        }
      case .local(let name):
        if configuration.local(name) == nil {
          diagnostics.append(
            .error(
              "Reference to undeclared local value",
              detail: "A local value with the name \(Value.quoted(name)) has not been declared."
                + suggestion(name, configuration.locals.map(\.name), prefix: "local."),
              subject: reference.range))
        }
      case .resource(let address):
        if let target = configuration.resource(address.mode, address.type, address.name) {
          diagnostics += unsupportedAttribute(reference, of: address)
          // A check's own data source is visible only inside that check, as in Terraform.
          if let scope = target.check, scope != (inCheck ?? resource?.check) {
            diagnostics.append(
              .error(
                "Reference to scoped resource",
                detail: "The referenced data resource \(Value.quoted(address.type)) \(Value.quoted(address.name)) is not available from this context.",
                subject: reference.range))
          }
        } else {
          let kind = address.mode == .data ? "data resource" : "managed resource"
          let candidates = configuration.resources.filter { $0.mode == address.mode && $0.type == address.type }.map(\.name)
          diagnostics.append(
            .error(
              "Reference to undeclared resource",
              detail: "A \(kind) \(Value.quoted(address.type)) \(Value.quoted(address.name)) has not been declared."
                + suggestion(address.name, candidates, prefix: (address.mode == .data ? "data." : "") + address.type + "."),
              subject: reference.range))
        }
      case .countIndex:
        if resource?.count == nil && call?.count == nil {
          diagnostics.append(
            .error(
              "Reference to \"count\" in non-counted context",
              detail: "The \"count\" object can only be used in resource blocks when the \"count\" argument is set.",
              subject: reference.range))
        }
      case .eachKey, .eachValue:
        if resource?.forEach == nil && call?.forEach == nil {
          diagnostics.append(
            .error(
              "Reference to \"each\" in context without for_each",
              detail: "The \"each\" object can be used only in resource blocks when the \"for_each\" argument is set.",
              subject: reference.range))
        }
      case .path:
        break
      case .module(let name, let output):
        diagnostics += moduleProblems(reference, name: name, output: output)
      case .unknown(let root):
        var detail = "There is no variable named \(Value.quoted(root))."
        let timeResource = reference.nameAfterRoot.flatMap { timeResources[root + "." + $0] }
        if let advice = TimeProviderMigration.advice(for: root, block: timeResource) {
          detail += " " + advice
        } else if let type = NameSuggestion.suggest(root, among: configuration.catalog.managedTypes.map(\.name)) {
          detail += " Did you mean the resource type \(Value.quoted(type))?"
        }
        diagnostics.append(.error("Unknown variable", detail: detail, subject: reference.range))
      case .incomplete(let root):
        diagnostics.append(
          .error(
            "Invalid reference",
            detail: "A reference to \(Value.quoted(root)) must be followed by an attribute access naming what it refers to.",
            subject: reference.range))
      }
    }
  }

  /// Terraform checks a resource reference's attribute against the schema before evaluating:
  /// `user_token.a.tokn` gets the names the type has, with the closest one suggested.
  private func unsupportedAttribute(_ reference: Reference, of address: ResourceAddress) -> [Diagnostic] {
    guard let name = reference.attributeName, let range = reference.attributeRange,
      let schema = address.mode == .data
        ? configuration.catalog.dataSource(address.type)?.schema : configuration.catalog.managed(address.type)?.schema,
      schema.attribute(name) == nil
    else { return [] }
    let names = schema.attributes.map(\.name).sorted()
    let likely = NameSuggestion.suggest(name, among: names).map { " Did you mean \(Value.quoted($0))?" } ?? ""
    return [
      .error(
        "Unsupported attribute",
        detail: "This object has no argument, nested block, or exported attribute named \(Value.quoted(name)).\(likely)",
        subject: range)
    ]
  }

  /// A call the module lacks, or an output the called module does not declare.
  private func moduleProblems(_ reference: Reference, name: String, output: String?) -> [Diagnostic] {
    guard let call = configuration.modules.first(where: { $0.name == name }) else {
      return [
        .error(
          "Reference to undeclared module",
          detail: "No module call named \(Value.quoted(name)) is declared in \(configuration.moduleDescription)."
            + suggestion(name, configuration.modules.map(\.name), prefix: "module."),
          subject: reference.range)
      ]
    }
    guard let output, let range = reference.attributeRange, let module = call.module,
      !module.configuration.outputs.contains(where: { $0.name == output })
    else { return [] }
    let likely = NameSuggestion.suggest(output, among: module.configuration.outputs.map(\.name).sorted())
      .map { " Did you mean \(Value.quoted($0))?" } ?? ""
    return [
      .error(
        "Unsupported attribute",
        detail: "This object does not have an attribute named \(Value.quoted(output)).\(likely)", subject: range)
    ]
  }

  /// Terraform's second sentence: a likely name, else how to declare this one.
  private func undeclaredVariableHint(_ name: String) -> String {
    let likely = suggestion(name, configuration.variables.map(\.name), prefix: "var.")
    return likely.isEmpty
      ? " This variable can be declared with a variable \(Value.quoted(name)) {} block." : likely
  }

  private func suggestion(_ name: String, _ candidates: [String], prefix: String) -> String {
    NameSuggestion.suggest(name, among: candidates.sorted()).map { " Did you mean \(prefix)\($0)?" } ?? ""
  }
}
