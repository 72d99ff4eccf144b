/// A compact, deterministic text form of syntax trees, for tests and debugging.
///
/// Operators are fully parenthesised so precedence is visible: `1 + 2 * 3` dumps as
/// `(1 + (2 * 3))`. Templates dump as `tmpl[...]`, the splat element as `@`, a parse
/// failure as `<invalid>`. Not a formatter: `fmt` works on tokens, not on this.
extension Expression: CustomStringConvertible {
  public var description: String {
    switch kind {
    case .literal(let value): return value.description
    case .template(let template): return "tmpl[\(TemplatePart.dump(template.parts))]"
    case .scopeTraversal(let traversal):
      return traversal.root.name + traversal.steps.map(\.description).joined()
    case .relativeTraversal(let source, let steps):
      return "rel(\(source))" + steps.map(\.description).joined()
    case .index(let collection, let key, _): return "index(\(collection), \(key))"
    case .functionCall(let call):
      let arguments = call.arguments.map(\.description).joined(separator: ", ")
      return "\(call.name.name)(\(arguments)\(call.expandFinal ? "..." : ""))"
    case .tuple(let elements): return "[" + elements.map(\.description).joined(separator: ", ") + "]"
    case .object(let items):
      return "{" + items.map { "\($0.key) = \($0.value)" }.joined(separator: ", ") + "}"
    case .unary(let op, let operand, _): return "(\(op.rawValue)\(operand))"
    case .binary(let op, let lhs, let rhs, _): return "(\(lhs) \(op.rawValue) \(rhs))"
    case .conditional(let condition, let trueResult, let falseResult):
      return "(\(condition) ? \(trueResult) : \(falseResult))"
    case .forExpression(let f):
      let names = (f.keyVariable.map { $0.name + ", " } ?? "") + f.valueVariable.name
      let condition = f.condition.map { " if \($0)" } ?? ""
      if let key = f.keyExpression {
        return "{for \(names) in \(f.collection) : \(key) => \(f.valueExpression)"
          + "\(f.isGrouping ? "..." : "")\(condition)}"
      }
      return "[for \(names) in \(f.collection) : \(f.valueExpression)\(condition)]"
    case .splat(let splat):
      return "splat(\(splat.source)\(splat.isFull ? "[*]" : ".*") \(splat.each))"
    case .splatItem: return "@"
    case .parenthesized(let inner): return "paren(\(inner))"
    case .invalid: return "<invalid>"
    }
  }
}

extension LiteralValue: CustomStringConvertible {
  public var description: String {
    switch self {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number(let text): return text
    case .string(let s): return StringQuoting.quote(s, .go)
    }
  }
}

extension Traverser: CustomStringConvertible {
  public var description: String {
    switch kind {
    case .attribute(let name): return "." + name
    case .index(let key): return "[\(key)]"
    }
  }
}

extension ObjectKey: CustomStringConvertible {
  public var description: String {
    switch kind {
    case .name(let name): return name
    case .expression(let e): return "(\(e))"
    }
  }
}

extension TemplatePart {
  static func dump(_ parts: [TemplatePart]) -> String {
    parts.map { part -> String in
      switch part {
      case .literal(let text, _): return StringQuoting.quote(text, .go)
      case .interpolation(let e, _): return "${\(e)}"
      case .conditional(let c):
        return "%{if \(c.condition)}[\(dump(c.trueParts))]else[\(dump(c.falseParts))]"
      case .loop(let l):
        let names = (l.keyVariable.map { $0.name + ", " } ?? "") + l.valueVariable.name
        return "%{for \(names) in \(l.collection)}[\(dump(l.body))]"
      }
    }.joined(separator: ", ")
  }
}

extension Body {
  /// One line per attribute, blocks with their bodies indented by two spaces.
  public func dump(indent: String = "") -> String {
    items.map { item -> String in
      switch item {
      case .attribute(let a): return "\(indent)\(a.name) = \(a.expression)\n"
      case .block(let b):
        let labels = b.labels.map { $0.isQuoted ? StringQuoting.quote($0.value, .go) : $0.value }
        let header = ([b.type] + labels).joined(separator: " ")
        return "\(indent)\(header) {\n\(b.body.dump(indent: indent + "  "))\(indent)}\n"
      }
    }.joined()
  }
}
