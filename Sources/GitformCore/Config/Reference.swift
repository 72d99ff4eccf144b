/// What an expression refers to: `var.x`, `local.y`, `user_token.ci.token`, `each.key`, ...
public struct Reference: Sendable, Hashable {
  public enum Subject: Sendable, Hashable {
    case variable(String)
    case local(String)
    case resource(ResourceAddress)
    case countIndex
    case eachKey
    case eachValue
    case path
    /// `module.NAME`, and the output read after it when the reference names one
    /// (`module.team["a"].token` reads `token`).
    case module(String, output: String?)
    /// A root name that is none of the above (`user_tokn.x`): reported by the checker.
    case unknown(String)
    /// A reference that starts right but is incomplete (`var`, `user_token`).
    case incomplete(String)
  }

  public var subject: Subject
  public var range: SourceRange
  /// For a resource reference, the attribute it reads (`token` of `user_token.a[0].token`)
  /// and that step's range, so an unknown name can be reported with the schema's names.
  public var attributeName: String?
  public var attributeRange: SourceRange?
  /// The name right after the root (`deploy` in `time_rotating.deploy.id`), for advice about
  /// roots gitform does not know.
  public var nameAfterRoot: String?

  /// The reference a traversal makes; nil for names bound by `for` or template loops (the
  /// caller filters those out first).
  /// `catalog` tells a resource type's name (`user_token.ci`) from an unknown root.
  public init?(_ traversal: Traversal, catalog: ResourceCatalog = .standard) {
    let steps = traversal.steps.compactMap { step -> String? in
      if case .attribute(let name) = step.kind { return name }
      return nil
    }
    let root = traversal.root.name
    range = traversal.root.range
    if let last = traversal.steps.prefix(root == "data" ? 2 : 1).last {
      range = traversal.root.range.through(last.range)
    }
    func first(_ n: Int) -> [String]? {
      guard traversal.steps.count >= n else { return nil }
      let names = traversal.steps.prefix(n).compactMap { step -> String? in
        if case .attribute(let name) = step.kind { return name }
        return nil
      }
      return names.count == n ? names : nil
    }
    nameAfterRoot = first(1)?.first
    _ = steps
    switch root {
    case "var": subject = first(1).map { .variable($0[0]) } ?? .incomplete(root)
    case "local": subject = first(1).map { .local($0[0]) } ?? .incomplete(root)
    case "data":
      subject = first(2).map { .resource(ResourceAddress(mode: .data, type: $0[0], name: $0[1])) }
        ?? .incomplete(root)
    case "count":
      subject = first(1)?.first == "index" ? .countIndex : .incomplete(root)
    case "each":
      switch first(1)?.first {
      case "key": subject = .eachKey
      case "value": subject = .eachValue
      default: subject = .incomplete(root)
      }
    case "path": subject = .path
    case "module":
      if let name = first(1)?.first {
        var rest = traversal.steps.dropFirst()
        if case .index? = rest.first?.kind { rest = rest.dropFirst() }
        var output: String?
        if let step = rest.first, case .attribute(let attribute) = step.kind {
          output = attribute
          attributeName = attribute
          attributeRange = step.range
        }
        subject = .module(name, output: output)
      } else {
        subject = .incomplete(root)
      }
    default:
      if catalog.managed(root) != nil {
        subject = first(1).map { .resource(ResourceAddress(type: root, name: $0[0])) } ?? .incomplete(root)
      } else {
        subject = .unknown(root)
      }
    }
    if case .resource = subject {
      var rest = traversal.steps.dropFirst(root == "data" ? 2 : 1)
      if case .index? = rest.first?.kind { rest = rest.dropFirst() }
      if let step = rest.first, case .attribute(let name) = step.kind {
        attributeName = name
        attributeRange = step.range
      }
    }
  }

  /// Every reference in `expression`, in source order, minus names bound inside it.
  public static func all(in expression: Expression, catalog: ResourceCatalog = .standard) -> [Reference] {
    var collector = ReferenceCollector(catalog: catalog)
    collector.visit(expression)
    return collector.references
  }
}

/// Walks an expression tree, tracking names bound by `for` expressions and template loops.
struct ReferenceCollector {
  let catalog: ResourceCatalog
  var references: [Reference] = []
  var bound: [Set<String>] = []

  mutating func visit(_ expression: Expression) {
    switch expression.kind {
    case .literal, .splatItem, .invalid: break
    case .template(let template): visit(template.parts)
    case .scopeTraversal(let traversal):
      if !bound.contains(where: { $0.contains(traversal.root.name) }),
        let reference = Reference(traversal, catalog: catalog)
      {
        references.append(reference)
      }
    case .relativeTraversal(let source, _): visit(source)
    case .index(let collection, let key, _):
      visit(collection)
      visit(key)
    case .functionCall(let call): call.arguments.forEach { visit($0) }
    case .tuple(let elements): elements.forEach { visit($0) }
    case .object(let items):
      for item in items {
        if case .expression(let key) = item.key.kind { visit(key) }
        visit(item.value)
      }
    case .unary(_, let operand, _): visit(operand)
    case .binary:
      // A chain `a + b + c ...` is a left-deep tree as long as the line: walk its spine in a
      // loop, not by recursion, so its length cannot exhaust the stack. Order is unchanged.
      var rights: [Expression] = []
      var leftmost = expression
      while case .binary(_, let lhs, let rhs, _) = leftmost.kind {
        rights.append(rhs)
        leftmost = lhs
      }
      visit(leftmost)
      for rhs in rights.reversed() { visit(rhs) }
    case .conditional(let condition, let a, let b):
      visit(condition)
      visit(a)
      visit(b)
    case .forExpression(let forExpression):
      visit(forExpression.collection)
      var names: Set<String> = [forExpression.valueVariable.name]
      if let key = forExpression.keyVariable { names.insert(key.name) }
      bound.append(names)
      if let key = forExpression.keyExpression { visit(key) }
      visit(forExpression.valueExpression)
      if let condition = forExpression.condition { visit(condition) }
      bound.removeLast()
    case .splat(let splat):
      visit(splat.source)
      visit(splat.each)
    case .parenthesized(let inner): visit(inner)
    }
  }

  mutating func visit(_ parts: [TemplatePart]) {
    for part in parts {
      switch part {
      case .literal: break
      case .interpolation(let expression, _): visit(expression)
      case .conditional(let conditional):
        visit(conditional.condition)
        visit(conditional.trueParts)
        visit(conditional.falseParts)
      case .loop(let loop):
        visit(loop.collection)
        var names: Set<String> = [loop.valueVariable.name]
        if let key = loop.keyVariable { names.insert(key.name) }
        bound.append(names)
        visit(loop.body)
        bound.removeLast()
      }
    }
  }
}
