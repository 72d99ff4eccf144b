import Foundation

/// `gitform output [-json|-raw] [NAME]`: the root outputs recorded in the state.
struct OutputCommand: Command {
  static let name = "output"
  static let synopsis = "Show output values from your root module"
  static let help = """
    Usage: gitform [global options] output [options] [NAME]

      Reads an output variable from a gitform state file and prints the value.
      With no additional arguments, output will display all the outputs. Sensitive
      values are masked except with -raw or -json for one named output.

    Options:

      -state=path      Path to the state file to read. Defaults to "gitform.tfstate".
      -no-color        If specified, output won't contain any color.
      -json            Machine readable output will be printed in JSON format.
      -raw             For value types that can be automatically converted to a
                       string, will print the raw string directly.

    """

  func run(_ arguments: [String], context: CommandContext) -> Int32 {
    let flags: EngineFlags
    switch EngineFlags.parse(arguments, accepts: [.state, .json, .raw, .color]) {
    case .success(let parsed): flags = parsed
    case .failure(let problem):
      context.err("\nError: Invalid option\n\n\(problem.message)\n")
      return 1
    }
    guard flags.positional.count <= 1 else {
      context.err("\nError: Unexpected argument\n\nThe output command expects exactly one argument with the name of an output variable or no arguments to show all outputs.\n")
      return 1
    }
    var noLock = flags
    noLock.lock = false
    let session = EngineSession(context: context, flags: noLock)
    guard session.loadState() else { return 1 }
    let outputs = session.snapshot.outputs
    guard let name = flags.positional.first else {
      if flags.json {
        let members = outputs.keys.sorted().map { key -> (key: String, value: JSON) in
          let value = outputs[key] ?? .null
          return (key, .object([
            ("sensitive", .bool(value.containsSensitive)), ("type", ValueJSON.typeJSON(value.type)),
            ("value", ValueJSON.json(value.containsSensitive ? .null : value)),
          ]))
        }
        context.out(JSONWriter.indented(.object(members)) + "\n")
        return 0
      }
      if outputs.isEmpty {
        // Terraform's text, pointing at the commands gitform has (no refresh, no console).
        context.err("\nWarning: No outputs found\n\nThe state file either has no outputs defined, or all the defined outputs are\nempty. Please define an output in your configuration with the `output` keyword\nand run `gitform apply` for it to become available. If you are using\ninterpolation, please verify the interpolated value is not empty. You can use\n`gitform plan` to see the values outputs will have.\n")
        return 0
      }
      context.out(OutputCommand.renderList(outputs))
      return 0
    }
    guard let value = outputs[name] else {
      context.err("\nError: Output \"\(name)\" not found\n\nThe output variable requested could not be found in the state file. If you\nrecently added this to your configuration, be sure to run `gitform apply`,\nsince the state won't be updated with new output variables until that command\nis run.\n")
      return 1
    }
    if flags.raw {
      let (plain, _) = value.deepUnmarked()
      guard case .success(let text) = plain.converted(to: .string), let string = text.stringValue else {
        context.err("\nError: Unsupported value for raw output\n\nThe -raw option only supports strings, numbers, and boolean values, but output value \"\(name)\" is \(value.type.friendlyName).\n")
        return 1
      }
      context.out(string)
      return 0
    }
    if flags.json {
      context.out(JSONWriter.compact(ValueJSON.json(value.deepUnmarked().0)) + "\n")
      return 0
    }
    context.out(OutputCommand.literal(value) + "\n")
    return 0
  }

  /// `name = value` lines, sensitive ones as `<sensitive>`, sorted.
  static func renderList(_ outputs: [String: Value]) -> String {
    outputs.keys.sorted().map { name in
      "\(name) = " + literal(outputs[name] ?? .null) + "\n"
    }.joined()
  }

  /// The outputs after "Apply complete!".
  static func renderOutputs(_ outputs: [String: Value], color: Bool) -> String {
    guard !outputs.isEmpty else { return "" }
    return "\n" + (color ? "\u{1B}[1m\u{1B}[32mOutputs:\u{1B}[0m" : "Outputs:") + "\n\n" + renderList(outputs)
  }

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
}
