/// Output values as people and machines read them: `gitform output` (all of them, or -json),
/// the outputs after "Apply complete!", and the literal form `state show` and `show` use for
/// attribute values. Sensitive values never appear: `<sensitive>` in text, null in JSON.
enum OutputView {
  /// `name = value` lines, sensitive ones as `<sensitive>`, sorted.
  static func list(_ outputs: [String: Value]) -> String {
    outputs.keys.sorted().map { name in
      "\(name) = " + output(outputs[name] ?? .null) + "\n"
    }.joined()
  }

  /// One output's value as `terraform output` and apply's "Outputs:" print it: the console's
  /// form (`repl.FormatValue`), one element per line with quoted keys, `tolist(...)` and
  /// `tomap(...)` where the type says so, multi-line strings as heredocs.
  static func output(_ value: Value) -> String {
    if value.containsSensitive { return "<sensitive>" }
    if value.isNull || !value.isKnown { return "null" }
    return ConsoleValueFormat.format(value)
  }

  /// The outputs after "Apply complete!".
  static func afterApply(_ outputs: [String: Value], color: Bool) -> String {
    guard !outputs.isEmpty else { return "" }
    return "\n" + TerminalStyle(color: color).heading("Outputs:") + "\n\n" + list(outputs)
  }

  /// A value on one line in HCL's literal syntax (strings quoted as the plan quotes them).
  static func literal(_ value: Value) -> String {
    if value.containsSensitive { return "<sensitive>" }
    switch value.content {
    case .null, .unknown: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number(let n): return NumberFormatting.string(n)
    case .string(let s): return StringQuoting.quote(s, .go)
    case .elements(let elements): return "[" + elements.map(literal).joined(separator: ", ") + "]"
    case .attributes(let attributes):
      return "{" + attributes.sorted { $0.key < $1.key }.map { "\($0.key) = \(literal($0.value))" }
        .joined(separator: ", ") + "}"
    }
  }

  /// `gitform output -json`: every output's sensitivity, type and value, sorted by name.
  static func json(_ outputs: [String: Value]) -> JSON {
    .object(outputs.keys.sorted().map { key -> (key: String, value: JSON) in
      let value = outputs[key] ?? .null
      return (key, .object([
        ("sensitive", .bool(value.containsSensitive)), ("type", ValueJSON.typeJSON(value.type)),
        ("value", ValueJSON.json(value.containsSensitive ? .null : value)),
      ]))
    })
  }
}
