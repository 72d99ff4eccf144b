/// The values box of Terraform's diagnostics (`│ var.n is "abc"`): what each reference in a
/// failing expression held, so the user sees why `var.n * 2` failed without a debugger.
///
/// Statements follow Terraform's wording (`command/views/json/diagnostic.go`): short, never a
/// secret (`has a sensitive value`), never a whole collection (`list of string with 3
/// elements`).
extension Evaluator {
  /// Attaches values to the diagnostics from `start` on that are about `expression` itself
  /// (their context, or subject, is exactly its range) and have none yet.
  mutating func attachExpressionValues(from start: Int, to expression: Expression) {
    var values: [Diagnostic.ExpressionValue]?
    for index in start..<diagnostics.count {
      let diagnostic = diagnostics[index]
      guard diagnostic.values.isEmpty, diagnostic.severity == .error,
        (diagnostic.context ?? diagnostic.subject) == expression.range
      else { continue }
      if values == nil { values = expressionValues(of: expression) }
      diagnostics[index].values = values ?? []
    }
  }

  func expressionValues(of expression: Expression) -> [Diagnostic.ExpressionValue] {
    var seen = Set<String>()
    var result: [Diagnostic.ExpressionValue] = []
    for traversal in expression.references {
      let text = Evaluator.traversalText(traversal)
      guard seen.insert(text).inserted else { continue }
      // Evaluated on a copy, so a reference that fails adds no diagnostic and no value.
      var scratch = self
      scratch.diagnostics = []
      let value = scratch.evaluateTraversal(traversal)
      guard scratch.diagnostics.isEmpty else { continue }
      result.append(
        Diagnostic.ExpressionValue(traversal: text, statement: Evaluator.statement(value)))
    }
    return result
  }

  /// `var.a`, `local.list[0]`, `data.x["key"]`, as Terraform writes traversals.
  static func traversalText(_ traversal: Traversal) -> String {
    var text = traversal.root.name
    for step in traversal.steps {
      switch step.kind {
      case .attribute(let name): text += "." + name
      case .index(.number(let n)): text += "[\(n)]"
      case .index(.string(let s)): text += "[\(StringQuoting.quote(s, .go))]"
      case .index(.bool(let b)): text += "[\(b)]"
      case .index(.null): text += "[null]"
      }
    }
    return text
  }

  /// What the box says about one value.
  static func statement(_ value: Value) -> String {
    if value.isSensitive { return "has a sensitive value" }
    if !value.isKnown {
      return value.type == .dynamic
        ? "will be known only after apply"
        : "is a \(value.type.friendlyName), known only after apply"
    }
    return "is " + compact(value)
  }

  private static func compact(_ value: Value) -> String {
    func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
    switch value.content {
    case .null: return "null"
    case .unknown: return "unknown"
    case .bool(let b): return b ? "true" : "false"
    case .number(let n): return NumberFormatting.string(n)
    case .string(let s): return StringQuoting.quote(s, .go)
    case .elements(let elements):
      switch value.type {
      case .list, .set:
        return elements.isEmpty
          ? "empty \(value.type.friendlyName)"
          : "\(value.type.friendlyName) with \(count(elements.count, "element"))"
      default:
        return elements.isEmpty ? "empty tuple" : "tuple with \(count(elements.count, "element"))"
      }
    case .attributes(let attributes):
      if case .map = value.type {
        return attributes.isEmpty
          ? "empty \(value.type.friendlyName)"
          : "\(value.type.friendlyName) with \(count(attributes.count, "element"))"
      }
      switch attributes.count {
      case 0: return "object with no attributes"
      case 1: return "object with 1 attribute \(StringQuoting.quote(attributes.keys.first ?? "", .go))"
      default: return "object with \(attributes.count) attributes"
      }
    }
  }
}
