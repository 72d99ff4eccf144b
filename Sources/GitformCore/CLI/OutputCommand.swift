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

  func run(_ arguments: [String], context: CommandContext) throws(CommandFailure) -> Int32 {
    let flags: EngineFlags
    switch EngineFlags.parse(arguments, accepts: [.state, .json, .raw, .color]) {
    case .success(let parsed): flags = parsed
    case .failure(let problem):
      throw .usage("Invalid option", problem.message)
    }
    guard flags.positional.count <= 1 else {
      throw .usage("Unexpected argument", "The output command expects exactly one argument with the name of an output variable or no arguments to show all outputs.")
    }
    var noLock = flags
    noLock.lock = false
    let session = EngineSession(context: context, flags: noLock)
    return session.run { () throws(CommandFailure) -> Int32 in
      try session.loadState()
      return try show(session.snapshot.outputs, flags: flags, context: context)
    }
  }

  /// All outputs, or the one named; 1 when it is missing or cannot be shown as asked.
  private func show(_ outputs: [String: Value], flags: EngineFlags, context: CommandContext) throws(CommandFailure) -> Int32 {
    guard let name = flags.positional.first else {
      if flags.json {
        context.out(JSONWriter.indented(OutputView.json(outputs)) + "\n")
        return 0
      }
      if outputs.isEmpty {
        // Terraform's text, pointing at the commands gitform has (no refresh, no console).
        context.err(PlainDiagnosticText.render([.warning("No outputs found", detail: "The state file either has no outputs defined, or all the defined outputs are\nempty. Please define an output in your configuration with the `output` keyword\nand run `gitform apply` for it to become available. If you are using\ninterpolation, please verify the interpolated value is not empty. You can use\n`gitform plan` to see the values outputs will have.")]))
        return 0
      }
      context.out(OutputView.list(outputs))
      return 0
    }
    guard let value = outputs[name] else {
      throw .usage("Output \"\(name)\" not found", "The output variable requested could not be found in the state file. If you\nrecently added this to your configuration, be sure to run `gitform apply`,\nsince the state won't be updated with new output variables until that command\nis run.")
    }
    if flags.raw {
      let (plain, _) = value.deepUnmarked()
      guard case .success(let text) = plain.converted(to: .string), let string = text.stringValue else {
        throw .usage("Unsupported value for raw output", "The -raw option only supports strings, numbers, and boolean values, but output value \"\(name)\" is \(value.type.friendlyName).")
      }
      context.out(string)
      return 0
    }
    if flags.json {
      context.out(JSONWriter.compact(ValueJSON.json(value.deepUnmarked().0)) + "\n")
      return 0
    }
    context.out(OutputView.output(value) + "\n")
    return 0
  }
}
