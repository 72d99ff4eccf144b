import Foundation

/// `gitform fmt`: rewrites configuration files in the canonical layout, as `terraform fmt` does.
///
/// Targets are the working directory by default, or the directories and files named (`-`
/// for standard input). In a directory, `*.gf.hcl` and `*.gfvars` files are processed in name
/// order (subdirectories too with `-recursive`); hidden files and editor backups are skipped.
/// A file with syntax errors gets its diagnostics and is never rewritten; the others are
/// still processed. Output follows Terraform's: each listed name, diff and formatted text is
/// printed ending in exactly one newline.
struct FmtCommand: Command {
  static let name = "fmt"
  static let synopsis = "Reformat your configuration in the standard style"
  static let help = """
    Usage: gitform [global options] fmt [options] [target...]

      Rewrites all gitform configuration files to a canonical format. All
      configuration files (.gf.hcl) and variables files (.gfvars) are updated.

      By default, fmt scans the current directory for configuration files. If you
      provide a directory for the target argument, then fmt will scan that
      directory instead. If you provide a file, then fmt will process just that
      file. If you provide a single dash ("-"), then fmt will read from standard
      input (STDIN).

      The content must be in the HCL native syntax.

    Options:

      -list=false    Don't list files whose formatting differs
                     (always disabled if using STDIN)

      -write=false   Don't write to source files
                     (always disabled if using STDIN or -check)

      -diff          Display diffs of formatting changes

      -check         Check if the input is formatted. Exit status will be 0 if all
                     input is properly formatted and 3 otherwise.

      -no-color      If specified, output won't contain any color.

      -recursive     Also process files in subdirectories. By default, only the
                     given directory (or current directory) is processed.

    """

  /// The extensions `fmt` formats, in directories and as named files.
  static let extensions = [".gf.hcl", ".gfvars"]

  /// The parsed command line.
  struct Options: Equatable {
    var list = true
    var write = true
    var diff = false
    var check = false
    var recursive = false
    var noColor = false
    var targets: [String] = []
  }

  func run(_ arguments: [String], context: CommandContext) throws(CommandFailure) -> Int32 {
    var options: Options
    switch Self.parse(arguments) {
    case .success(let parsed): options = parsed
    case .failure(let error):
      context.err("Error: \(error.message)\n\n" + Self.help)
      return 1
    }
    let readsStandardInput = options.targets == ["-"]
    if readsStandardInput {
      options.list = false
      options.write = false
    }
    let listRequested = options.list
    if options.check {
      options.list = true
      options.write = false
    }
    var run = Run(options: options, context: context)
    if readsStandardInput {
      run.processStandardInput()
    } else {
      for target in options.targets.isEmpty ? ["."] : options.targets {
        run.process(target: target)
      }
    }
    if !run.diagnostics.isEmpty {
      let renderer = DiagnosticRenderer(
        sources: run.sources, color: context.colorEnabled(noColorFlag: options.noColor))
      // `terraform fmt` prints each diagnostic through its UI's Error, which adds a newline
      // after the rendered text (unlike `validate`, which prints them back to back).
      context.err(run.diagnostics.map { renderer.render($0) + "\n" }.joined())
    }
    if run.diagnostics.hasErrors { return 1 }
    if options.check {
      // Like Terraform, check mode collects what it would print and shows it only when
      // listing was asked for; anything collected means some input is not formatted.
      if listRequested && !run.checkOutput.isEmpty {
        context.out(Run.terminated(run.checkOutput))
      }
      return run.checkOutput.isEmpty ? 0 : 3
    }
    return 0
  }

  /// Go-style flags, single or double dash: booleans take `-flag` or `-flag=true|false`.
  /// Flags end at the first argument that is not one (or after `--`).
  static func parse(_ arguments: [String]) -> Result<Options, FlagError> {
    var options = Options()
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      if argument == "--" {
        index += 1
        break
      }
      guard argument.hasPrefix("-"), argument != "-" else { break }
      let flag = argument.hasPrefix("--") ? String(argument.dropFirst(2)) : String(argument.dropFirst())
      let parts = flag.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = String(parts[0])
      var value = true
      if parts.count == 2 {
        switch parts[1].lowercased() {
        case "true", "1", "t": value = true
        case "false", "0", "f": value = false
        default:
          return .failure(FlagError("invalid boolean value \"\(parts[1])\" for -\(name)"))
        }
      }
      switch name {
      case "list": options.list = value
      case "write": options.write = value
      case "diff": options.diff = value
      case "check": options.check = value
      case "recursive": options.recursive = value
      case "no-color": options.noColor = value
      default: return .failure(FlagError("flag provided but not defined: -\(name)"))
      }
      index += 1
    }
    options.targets = Array(arguments[index...])
    if options.targets.contains("-") && options.targets.count > 1 {
      return .failure(FlagError("\"-\" (standard input) cannot be combined with other targets"))
    }
    return .success(options)
  }

  /// A command-line mistake, reported with the help text.
  struct FlagError: Error, Equatable {
    var message: String
    init(_ message: String) { self.message = message }
  }
}
