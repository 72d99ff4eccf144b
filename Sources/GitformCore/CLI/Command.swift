import Foundation

/// One gitform subcommand: its name, its help text and how it runs.
///
/// Commands receive their arguments without the command name and report through the
/// context; they return the exit code (0 success, 2 changes for `plan -detailed-exitcode`,
/// 3 unformatted files for `fmt -check`) or throw the failure that makes it 1. Failures of
/// the engine steps are rendered by `EngineSession.run`; `CommandLineInterface` renders the
/// rest (the command line's own mistakes) as plain text.
protocol Command {
  static var name: String { get }
  /// One line for `gitform -help`.
  static var synopsis: String { get }
  /// The full text of `gitform NAME -help`.
  static var help: String { get }
  init()
  func run(_ arguments: [String], context: CommandContext) throws(CommandFailure) -> Int32
}
