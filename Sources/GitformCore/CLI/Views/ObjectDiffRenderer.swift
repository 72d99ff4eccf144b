/// Renders the attributes of one object change in Terraform's plan layout.
///
/// Attributes are sorted; `=` is aligned over every attribute that is not null on both sides;
/// unchanged attributes are hidden and counted, except `id` and `name`; sensitive values print
/// as `(sensitive value)`, unknown ones as `(known after apply)`; an attribute whose change
/// forces replacement ends with `# forces replacement`. A nested attribute
/// (`rotation_configuration = { ... }`) is an object among the others, diffed inside its braces.
struct ObjectDiffRenderer {
  let schema: ResourceSchema
  let replacePaths: Set<String>
  let symbols: PlanSymbols

  enum Side { case create, delete, change }

  /// The lines between `resource "T" "N" {` and `}` at depth 1.
  func render(before: Value?, after: Value?) -> String {
    let side: Side = before == nil ? .create : (after == nil ? .delete : .change)
    let names = schema.attributes.map(\.name).filter { name in
      let b = before?[attribute: name] ?? .null
      let a = after?[attribute: name] ?? .null
      return !(b.isNull && a.isNull)
    }
    let width = names.map(\.count).max() ?? 0
    var text = ""
    var hidden = 0
    for name in names {
      let b = before?[attribute: name] ?? .null
      let a = after?[attribute: name] ?? .null
      let key = PlanText.padded(name, to: width)
      let forces = replacePaths.contains(name) ? " # forces replacement" : ""
      switch side {
      case .create:
        // The common case (a plan of thousands of creates) appends in place.
        appendLine(to: &text, 1, .create, key, " = ", renderValue(a, depth: 1, action: .create))
      case .delete:
        text += line(1, .delete, "\(key) = " + renderValue(b, depth: 1, action: .delete) + " -> null")
      case .change:
        if b.isNull {
          text += line(1, .create, "\(key) = " + renderValue(a, depth: 1, action: .create) + forces)
        } else if a.isNull {
          text += line(1, .delete, "\(key) = " + renderValue(b, depth: 1, action: .delete) + " -> null" + forces)
        } else if a.isWhollyKnown && ValueComparison.same(a, b) && a.isSensitive == b.isSensitive {
          if name == "id" || name == "name" {
            text += line(1, .noOp, "\(key) = " + renderValue(a, depth: 1, action: .noOp))
          } else {
            hidden += 1
          }
        } else {
          text += line(1, .update, "\(key) = " + renderChange(b, a, depth: 1, forces: forces))
        }
      }
    }
    if hidden > 0 {
      text += String(repeating: " ", count: 8) + "# (\(hidden) unchanged attribute\(hidden == 1 ? "" : "s") hidden)\n"
    }
    return text
  }

  /// One line: 4 spaces per depth, the 3-column symbol, a space, the text.
  func line(_ depth: Int, _ action: ChangeAction, _ body: String) -> String {
    var text = ""
    appendLine(to: &text, depth, action, body, "", "")
    return text
  }

  /// `line` appended to `text` without the intermediate strings: `key`, `separator` and
  /// `value` are the body.
  func appendLine(
    to text: inout String, _ depth: Int, _ action: ChangeAction, _ key: String, _ separator: String,
    _ value: String
  ) {
    text += depth < ObjectDiffRenderer.indents.count
      ? ObjectDiffRenderer.indents[depth] : String(repeating: " ", count: 4 * depth)
    text += symbols.symbol(action)
    text += " "
    text += key
    text += separator
    text += value
    text += "\n"
  }

  /// Indentation by depth, made once.
  private static let indents = (0..<8).map { String(repeating: " ", count: 4 * $0) }

  /// `old -> new` for a changed attribute; collections show their elements.
  private func renderChange(_ b: Value, _ a: Value, depth: Int, forces: String) -> String {
    if b.containsSensitive || a.containsSensitive {
      return "(sensitive value)" + forces
    }
    if !a.isKnown {
      return renderValue(b, depth: depth, action: .noOp) + " -> (known after apply)" + forces
    }
    if let old = b.attributes, let new = a.attributes, a.isWhollyKnown {
      return renderObjectChange(old, new, depth: depth, forces: forces)
    }
    if let old = b.elements, let new = a.elements, b.type.isSequence {
      let oldText = old.map { renderValue($0, depth: depth + 1, action: .noOp) }
      let newText = new.map { renderValue($0, depth: depth + 1, action: .noOp) }
      var text = "[" + forces + "\n"
      var unchanged = 0
      for element in Array(Set(oldText).union(newText)).sorted() {
        let inOld = oldText.contains(element)
        let inNew = newText.contains(element)
        if inOld && inNew {
          unchanged += 1
        } else {
          text += line(depth + 1, inNew ? .create : .delete, element + ",")
        }
      }
      if unchanged > 0 {
        text += String(repeating: " ", count: 4 * (depth + 2))
          + "# (\(unchanged) unchanged element\(unchanged == 1 ? "" : "s") hidden)\n"
      }
      return text + String(repeating: " ", count: 4 * (depth + 1)) + "]"
    }
    return renderValue(b, depth: depth, action: .noOp) + " -> " + renderValue(a, depth: depth, action: .noOp) + forces
  }

  /// Terraform's object diff: `{`, changed attributes with their symbols (aligned over every
  /// key), the unchanged ones counted, `}`.
  private func renderObjectChange(
    _ old: [String: Value], _ new: [String: Value], depth: Int, forces: String
  ) -> String {
    let keys = Set(old.keys).union(new.keys).filter { key in
      !((old[key] ?? .null).isNull && (new[key] ?? .null).isNull)
    }.sorted()
    let width = keys.map(\.count).max() ?? 0
    var text = "{" + forces + "\n"
    var unchanged = 0
    for key in keys {
      let b = old[key] ?? .null
      let a = new[key] ?? .null
      let name = PlanText.padded(key, to: width)
      if b.isNull {
        text += line(depth + 1, .create, "\(name) = " + renderValue(a, depth: depth + 1, action: .create))
      } else if a.isNull {
        text += line(depth + 1, .delete, "\(name) = " + renderValue(b, depth: depth + 1, action: .delete) + " -> null")
      } else if ValueComparison.same(a, b) && a.isSensitive == b.isSensitive {
        unchanged += 1
      } else {
        text += line(depth + 1, .update, "\(name) = " + renderChange(b, a, depth: depth + 1, forces: ""))
      }
    }
    if unchanged > 0 {
      text += String(repeating: " ", count: 4 * (depth + 2))
        + "# (\(unchanged) unchanged attribute\(unchanged == 1 ? "" : "s") hidden)\n"
    }
    return text + String(repeating: " ", count: 4 * (depth + 1)) + "}"
  }

  /// A value on its own: quoted strings, numbers, bools, lists with one element per line.
  func renderValue(_ value: Value, depth: Int, action: ChangeAction) -> String {
    if value.isSensitive { return "(sensitive value)" }
    switch value.content {
    case .unknown: return "(known after apply)"
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number(let n): return NumberFormatting.string(n)
    case .string(let s): return StringQuoting.quote(s, .go)
    case .elements(let elements):
      if elements.isEmpty { return "[]" }
      var text = "[\n"
      for element in elements {
        text += line(depth + 1, action, renderValue(element, depth: depth + 1, action: action) + ",")
      }
      return text + String(repeating: " ", count: 4 * (depth + 1)) + "]"
    case .attributes(let attributes):
      if attributes.isEmpty { return "{}" }
      let width = attributes.keys.map(\.count).max() ?? 0
      var text = "{\n"
      for (key, element) in attributes.sorted(by: { $0.key < $1.key }) {
        text += line(
          depth + 1, action,
          PlanText.padded(key, to: width) + " = "
            + renderValue(element, depth: depth + 1, action: action))
      }
      return text + String(repeating: " ", count: 4 * (depth + 1)) + "}"
    }
  }
}

/// Text helpers of plan output.
enum PlanText {
  /// `s` padded with spaces to `width` UTF-16 units, as Foundation's
  /// `padding(toLength:withPad:startingAt:)`, which took a fifth of a 10,000-change plan's time
  /// bridging through NSString. Longer text (only possible beyond the BMP, as widths count
  /// characters) keeps Foundation's truncation.
  static func padded(_ s: String, to width: Int) -> String {
    let length = s.utf16.count
    if length == width { return s }
    if length > width { return s.padding(toLength: width, withPad: " ", startingAt: 0) }
    return s + String(repeating: " ", count: width - length)
  }
}
