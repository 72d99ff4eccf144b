import Foundation

/// CLI: the only layer that talks to the terminal.
///
/// It parses flags, runs the engine's layers and turns diagnostics and operational errors into
/// one exit code: a command's steps throw `CommandFailure`, and `EngineSession.run` renders it
/// and returns 1. The words and colours are CLI/Views'. Nothing below this folder prints or
/// exits.

/// gitform's command table and entry point; `main.swift` calls `run` and exits with its code.
public struct CommandLineInterface {
  /// Every command, in the order `gitform -help` lists them.
  static let commands: [any Command.Type] = [
    VersionCommand.self,
    FmtCommand.self,
    ValidateCommand.self,
    InitCommand.self,
    ExpiryCommand.self,
    PlanCommand.self,
    ApplyCommand.self,
    DestroyCommand.self,
    OutputCommand.self,
    ImportCommand.self,
    StateCommand.self,
    ShowCommand.self,
    GraphCommand.self,
    ConsoleCommand.self,
    ForceUnlockCommand.self,
  ]

  public static let version = "0.1.0"

  public init() {}

  /// Runs `gitform ARGS...` and returns the process exit code.
  public func run(_ arguments: [String], context: CommandContext) -> Int32 {
    var context = context
    var rest = arguments
    // Global options come before the command name, as in Terraform.
    while let first = rest.first, first.hasPrefix("-") {
      let flag = first.hasPrefix("--") ? String(first.dropFirst()) : first
      if flag == "-help" || flag == "-h" {
        context.out(Self.usage())
        return 0
      } else if flag == "-version" || flag == "-v" {
        rest[0] = "version"
        break
      } else if flag.hasPrefix("-chdir=") {
        let dir = String(flag.dropFirst("-chdir=".count))
        context.workingDirectory = Self.resolve(dir, against: context.workingDirectory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: context.workingDirectory, isDirectory: &isDirectory),
          isDirectory.boolValue
        else {
          context.err("Error: Invalid -chdir option: the directory \(dir) does not exist.\n")
          return 1
        }
        rest.removeFirst()
      } else {
        context.err("Error: unknown global option \(first)\n\n" + Self.usage())
        return 1
      }
    }
    guard let name = rest.first else {
      context.out(Self.usage())
      return 0
    }
    guard let command = Self.commands.first(where: { $0.name == name }) else {
      context.err("Error: \"\(name)\" is not a gitform command.\n\n" + Self.usage())
      return 1
    }
    let commandArguments = Array(rest.dropFirst())
    if commandArguments.contains(where: { $0 == "-help" || $0 == "--help" || $0 == "-h" }) {
      context.out(command.help)
      return 0
    }
    do {
      return try command.init().run(commandArguments, context: context)
    } catch {
      context.err(PlainDiagnosticText.render(error.diagnostics))
      return 1
    }
  }

  static func resolve(_ path: String, against directory: String) -> String {
    path.hasPrefix("/") ? path : URL(fileURLWithPath: directory).appendingPathComponent(path).path
  }

  /// The text of `gitform -help`.
  static func usage() -> String {
    var text = "Usage: gitform [global options] <subcommand> [args]\n\n"
    text += "Plans and applies GitLab access tokens and the CI/CD variables that carry them.\n\n"
    text += "Commands:\n"
    let width = (commands.map { $0.name.count }.max() ?? 0) + 2
    for command in commands {
      text += "  " + command.name.padding(toLength: width, withPad: " ", startingAt: 0)
        + command.synopsis + "\n"
    }
    text += "\nGlobal options:\n"
    text += "  -chdir=DIR    Switch to a different working directory before running the command.\n"
    text += "  -help         Show this help output, or the help for a specified subcommand.\n"
    text += "  -version      An alias for the \"version\" subcommand.\n"
    return text
  }
}
