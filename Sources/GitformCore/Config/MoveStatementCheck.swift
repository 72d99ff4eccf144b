/// Terraform's checks of `moved` and `removed` statements against each other and against the
/// resources the configuration declares (`refactoring.ValidateMoves`, in Terraform's words).
///
/// Config/ runs it with the declared resources; the planner runs it again with the declared
/// instances, since whether `a[0]` still exists depends on `count` and `for_each`.
struct MoveStatementCheck {
  var moved: [MovedBlock]
  var removed: [RemovedBlock]
  /// Where each declared resource block is.
  var declared: [ResourceAddress: ResourceBlock]
  /// The module calls by name.
  var calls: [String: ModuleCall]

  init(_ configuration: Configuration) {
    moved = configuration.moved
    removed = configuration.removed
    declared = Dictionary(
      configuration.resources.filter { $0.mode == .managed }.map { ($0.address, $0) }, uniquingKeysWith: { a, _ in a })
    calls = Dictionary(configuration.modules.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
  }

  /// The statements' problems that need only the configuration.
  func staticProblems() -> [Diagnostic] {
    var problems: [Diagnostic] = []
    var fromStatements: [MoveEndpoint: MovedBlock] = [:]
    var toStatements: [MoveEndpoint: MovedBlock] = [:]
    for statement in moved {
      let (from, to) = (statement.from, statement.to)
      let noun = from.isInstance ? "resource instance" : "resource"
      let shortNoun = from.isInstance ? "instance" : "resource"
      if from == to {
        problems.append(
          .error(
            "Redundant move statement",
            detail: "This statement declares a move from \(from) to the same address, which is the same as not declaring this move at all.",
            subject: statement.block.definitionRange))
        continue
      }
      if !from.isInstance, let resource = declared[from.resource] {
        problems.append(stillExists(statement, declaredAt: resource.block.definitionRange))
      }
      if from.resource.isModuleOnly, from.resource.module.count == 1, from.resource.module[0].key == nil,
        let call = calls[from.resource.module[0].name]
      {
        problems.append(
          .error(
            "Moved object still exists",
            detail: "This statement declares a move from \(from), but that module call is still declared at \(MoveStatementCheck.start(call.block)).\n\nChange your configuration so that this call will be declared as \(to) instead.",
            subject: statement.block.definitionRange))
      }
      if let existing = fromStatements[from] {
        if existing.to != to {
          problems.append(
            .error(
              "Ambiguous move statements",
              detail: "A statement at \(MoveStatementCheck.start(existing.block)) declared that \(from) moved to \(existing.to), but this statement instead declares that it moved to \(to).\n\nEach \(noun) can move to only one destination \(shortNoun).",
              subject: statement.block.definitionRange))
        }
      } else {
        fromStatements[from] = statement
      }
      if let existing = toStatements[to] {
        if existing.from != from {
          problems.append(
            .error(
              "Ambiguous move statements",
              detail: "A statement at \(MoveStatementCheck.start(existing.block)) declared that \(existing.from) moved to \(to), but this statement instead declares that \(from) moved there.\n\nEach \(noun) can have moved from only one source \(shortNoun).",
              subject: statement.block.definitionRange))
        }
      } else {
        toStatements[to] = statement
      }
      if from.resource.isModuleOnly != to.resource.isModuleOnly {
        problems.append(
          .error(
            "Invalid \"moved\" addresses",
            detail: "The \"from\" and \"to\" addresses must both name a module, or both a resource: \(from) cannot move to \(to).",
            subject: statement.block.definitionRange))
      } else if from.resource.type != to.resource.type {
        problems.append(
          .error(
            "Resource type mismatch",
            detail: "This statement declares a move from \(from) to \(to), which is a \(noun) of a different type."))
      }
    }
    for statement in removed {
      if statement.from.resource.isModuleOnly, statement.from.resource.module.count == 1,
        let call = calls[statement.from.resource.module[0].name]
      {
        problems.append(
          .error(
            "Removed module still exists",
            detail: "This statement declares that \(statement.from) was removed, but it is still declared in configuration.",
            subject: call.block.definitionRange))
      }
      if let resource = declared[statement.from.resource] {
        problems.append(
          .error(
            "Removed resource still exists",
            detail: "This statement declares that \(statement.from) was removed, but it is still declared in configuration.",
            subject: resource.block.definitionRange))
      }
    }
    if !problems.hasErrors { problems += cycles() }
    return problems
  }

  /// Instance moves whose source is still one of the configuration's instances.
  func declaredInstanceProblems(_ instances: Set<ResourceInstanceAddress>) -> [Diagnostic] {
    moved.compactMap { statement in
      guard statement.from.isInstance, statement.from != statement.to,
        instances.contains(statement.from.resource.instance(statement.from.key)),
        let resource = declared[statement.from.resource]
      else { return nil }
      // Terraform blames the expression that decides which instances exist.
      let range = resource.forEach?.range ?? resource.count?.range ?? resource.block.definitionRange
      return stillExists(statement, declaredAt: range)
    }
  }

  private func stillExists(_ statement: MovedBlock, declaredAt range: SourceRange) -> Diagnostic {
    let noun = statement.from.isInstance ? "resource instance" : "resource"
    let shortNoun = statement.from.isInstance ? "instance" : "resource"
    return .error(
      "Moved object still exists",
      detail: "This statement declares a move from \(statement.from), but that \(noun) is still declared at \(MoveStatementCheck.start(range)).\n\nChange your configuration so that this \(shortNoun) will be declared as \(statement.to) instead.",
      subject: statement.block.definitionRange)
  }

  /// Chains that come back to where they started: no final address to move objects to.
  private func cycles() -> [Diagnostic] {
    var graph = DependencyGraph()
    let names = moved.indices.map { String($0) }
    for (index, statement) in moved.enumerated() {
      graph.add(names[index])
      for (other, next) in moved.enumerated() where MoveStatementCheck.overlaps(statement.to, next.from) {
        graph.connect(names[index], dependsOn: names[other])
      }
    }
    return graph.cycles().map { cycle in
      let lines = cycle.compactMap { Int($0) }.map { index -> String in
        let statement = moved[index]
        return "\n  - \(MoveStatementCheck.start(statement.block)): \(statement.from.patternDescription) → \(statement.to.patternDescription)"
      }.sorted()
      return .error(
        "Cyclic dependency in move statements",
        detail: "The following chained move statements form a cycle, and so there is no final location to move objects to:\(lines.joined())\n\nA chain of move statements must end with an address that doesn't appear in any other statements, and which typically also refers to an object still declared in the configuration.")
    }
  }

  static func overlaps(_ a: MoveEndpoint, _ b: MoveEndpoint) -> Bool {
    if a.resource.isModuleOnly || b.resource.isModuleOnly {
      return a.resource.isModuleOnly && b.resource.isModuleOnly
        && (ModuleStep.contains(a.resource.module, b.resource.module) || ModuleStep.contains(b.resource.module, a.resource.module))
    }
    return a.resource == b.resource && (!a.isInstance || !b.isInstance || a.key == b.key)
  }

  /// Terraform's `StartString`: `FILE:LINE,COLUMN`.
  static func start(_ block: Block) -> String { start(block.definitionRange) }

  static func start(_ range: SourceRange) -> String {
    "\(range.filename):\(range.start.line),\(range.start.column)"
  }
}
