import Foundation

/// `gitform validate [-json] [-no-color]`: checks the configuration without talking to GitLab.
///
/// Reads every `*.gf.hcl` file of the working directory (not recursive, sorted by name) and
/// reports every syntax error; when the syntax is sound it evaluates every attribute
/// expression that refers to no variable, so type errors and unknown functions are found
/// before a plan. References are the engine's to check. Exit 0 when valid, 1 otherwise.
struct ValidateCommand: Command {
  static let name = "validate"
  static let synopsis = "Check whether the configuration is valid"
  static let help = """
    Usage: gitform [global options] validate [options]

      Validate the configuration files in the working directory, referring only to
      the configuration and not accessing any remote services such as GitLab.

      Validate runs checks that verify whether a configuration is syntactically
      valid and internally consistent: every syntax error in every *.gf.hcl file
      is reported, and every argument whose expression refers to no variable is
      evaluated, so that type errors and unknown functions are found early.

    Options:

      -json        Produce output in a machine-readable JSON format, suitable for
                   use in text editor integrations and other automated systems.
                   Always disables color.

      -no-color    If specified, output won't contain any color.

    """

  /// The configuration files' sources and every problem found in them.
  struct Outcome {
    var sources: [DiagnosticSource] = []
    var diagnostics: [Diagnostic] = []
  }

  func run(_ arguments: [String], context: CommandContext) throws(CommandFailure) -> Int32 {
    var json = false
    var noColor = false
    for argument in arguments {
      let flag = argument.hasPrefix("--") ? String(argument.dropFirst()) : argument
      // `-json=false` as Terraform (Go's flag package) reads it; a value that is not a boolean
      // is an error, never silently "on".
      let parts = flag.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let on = parts.count == 2 ? EngineFlags.boolean(String(parts[1])) : true
      switch (String(parts[0]), on) {
      case ("-json", let on?): json = on
      case ("-no-color", let on?): noColor = on
      case ("-json", nil), ("-no-color", nil):
        let renderer = DiagnosticRenderer(sources: [], color: context.colorEnabled(noColorFlag: noColor))
        context.err(
          renderer.render([
            .error(
              "Failed to parse command-line flags",
              detail: "invalid boolean value \"\(parts[1])\" for \(parts[0]): parse error")
          ]))
        return 1
      default:
        // As in Terraform, a bad command line is reported as text even with -json.
        let problem: Diagnostic =
          flag.hasPrefix("-")
          ? .error(
            "Failed to parse command-line flags", detail: "flag provided but not defined: \(flag)")
          : .error(
            "Too many command line arguments",
            detail: "validate takes no positional arguments; use -chdir=DIR to validate another "
              + "directory.")
        let renderer = DiagnosticRenderer(
          sources: [], color: context.colorEnabled(noColorFlag: noColor))
        context.err(
          renderer.render([problem])
            + "\nFor more help on using this command, run:\n  gitform validate -help\n")
        return 1
      }
    }
    var outcome = Outcome()
    switch EvalClock.fromEnvironment(context.environment) {
    case .failure(let invalid):
      outcome.diagnostics = [.error("Invalid GITFORM_NOW", detail: invalid.message)]
    case .success(let clock):
      do {
        outcome = try Self.validate(directory: context.workingDirectory, clock: clock)
      } catch {
        outcome.diagnostics = [
          .error(
            "Failed to read the configuration",
            detail: "The configuration files in \(context.workingDirectory) could not be read: "
              + "\(error.localizedDescription)")
        ]
      }
    }
    report(outcome, json: json, color: !json && context.colorEnabled(noColorFlag: noColor), context)
    return outcome.diagnostics.hasErrors ? 1 : 0
  }

  /// Terraform's output: the JSON document on standard output; or warnings on standard
  /// output, errors on standard error and the success line when there are no errors.
  private func report(_ outcome: Outcome, json: Bool, color: Bool, _ context: CommandContext) {
    if json {
      context.out(
        DiagnosticJSON.validateDocument(outcome.diagnostics, sources: outcome.sources) + "\n")
      return
    }
    let renderer = DiagnosticRenderer(sources: outcome.sources, color: color)
    let errors = outcome.diagnostics.filter { $0.severity == .error }
    let warnings = outcome.diagnostics.filter { $0.severity == .warning }
    if !warnings.isEmpty { context.out(renderer.render(warnings)) }
    if !errors.isEmpty {
      context.err(renderer.render(errors))
    } else {
      context.out(Self.successMessage(warnings: !warnings.isEmpty, color: color))
    }
  }

  /// Parses every configuration file, then (only when the syntax is sound, as Terraform
  /// stops after parse errors) evaluates the reference-free expressions.
  static func validate(directory: String, clock: EvalClock) throws -> Outcome {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory)
      .filter { $0.hasSuffix(".gf.hcl") && !isEditorFile($0) }.sorted()
    var result = Outcome()
    var files: [SyntaxFile] = []
    var parsed: [ConfigLoader.ParsedFile] = []
    for name in names {
      let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      else { continue }
      let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
      let (file, diagnostics) = Parser.parse(bytes, filename: name)
      files.append(file)
      parsed.append(ConfigLoader.ParsedFile(name: name, source: bytes, file: file, diagnostics: diagnostics))
      result.diagnostics += diagnostics
    }
    // The snippets' sources are needed only when there is something to report.
    func withSources(_ outcome: Outcome) -> Outcome {
      guard !outcome.diagnostics.isEmpty else { return outcome }
      var outcome = outcome
      outcome.sources = parsed.map { DiagnosticSource(bytes: $0.source, file: $0.file) }
      // A called module's files are named from this directory (`modules/deploy/main.gf.hcl`).
      let known = Set(parsed.map(\.name))
      var modules = Set<String>()
      for diagnostic in outcome.diagnostics {
        guard let name = diagnostic.subject?.filename, !known.contains(name), modules.insert(name).inserted,
          let data = FileManager.default.contents(atPath: URL(fileURLWithPath: directory).appendingPathComponent(name).path)
        else { continue }
        outcome.sources.append(DiagnosticSource(parsing: Array(data), filename: name))
      }
      return outcome
    }
    if result.diagnostics.hasErrors { return withSources(result) }
    let context = EvalContext(baseDirectory: directory, clock: clock, mode: .validate)
    // The static checks and the engine's checks (blocks, schemas, references, cycles) are
    // independent: they run at once, and the engine's count only when the static ones pass.
    let staticCheck = BackgroundJob {
      files.flatMap { file in StaticCheck.diagnostics(of: withoutTypeConstraints(file.body), context: context) }
    }
    let walked = ValidationWalk.diagnostics(parsed: parsed, directory: directory, clock: clock)
    ProcessLifetime.keepUntilExit((files, parsed))
    result.diagnostics += staticCheck.wait() ?? []
    if !result.diagnostics.hasErrors {
      let seen = Set(result.diagnostics)
      result.diagnostics += walked.filter { !seen.contains($0) }
    }
    // Only a file with a `gitform` block can declare a backend: decoding every file a second time
    // just to find none would cost validate a fifth of its time on a large configuration.
    let declaring = parsed.filter { file in file.file.body.blocks.contains { $0.type == "gitform" } }
    if !result.diagnostics.hasErrors && !declaring.isEmpty {
      let backend = ConfigLoader.decode(parsed: declaring, directory: directory).0.backend
      result.diagnostics += Self.backendDiagnostics(backend)
    }
    return withSources(result)
  }

  /// Files Terraform ignores as editors' leftovers: hidden, backup (`~`) and `#autosave#`.
  static func isEditorFile(_ name: String) -> Bool {
    name.hasPrefix(".") || name.hasSuffix("~") || (name.hasPrefix("#") && name.hasSuffix("#"))
  }

  /// The body without `variable` blocks' `type` arguments: `list(string)` is a type constraint
  /// (Config/TypeConstraint), not a call of a function named `list`.
  static func withoutTypeConstraints(_ body: Body) -> Body {
    var copy = body
    copy.items = body.items.map { item in
      guard case .block(var block) = item, block.type == "variable" else { return item }
      block.body.items.removeAll {
        if case .attribute(let attribute) = $0 { return attribute.name == "type" }
        return false
      }
      return .block(block)
    }
    return copy
  }

  static func successMessage(warnings: Bool, color: Bool) -> String {
    let text =
      warnings
      ? "The configuration is valid, but there were some validation warnings as shown above."
      : "The configuration is valid."
    return TerminalStyle(color: color).success(text) + "\n\n"
  }
}
