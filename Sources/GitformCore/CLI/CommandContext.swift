import Foundation

/// What a command may use of its surroundings: output streams, environment, working
/// directory, standard input and whether it talks to a terminal.
///
/// Tests build one with captured streams; `live` wires the real process.
public struct CommandContext: Sendable {
  public var standardOutput: @Sendable (String) -> Void
  public var standardError: @Sendable (String) -> Void
  public var readStandardInput: @Sendable () -> Data
  /// One line typed by the user (for `apply`'s confirmation), nil at end of input.
  public var readLine: @Sendable () -> String?
  public var environment: [String: String]
  public var workingDirectory: String
  /// True when standard output is a terminal: the only case in which colour is used.
  public var isTerminal: Bool

  public init(
    standardOutput: @escaping @Sendable (String) -> Void,
    standardError: @escaping @Sendable (String) -> Void,
    readStandardInput: @escaping @Sendable () -> Data = { Data() },
    readLine: @escaping @Sendable () -> String? = { nil },
    environment: [String: String] = [:],
    workingDirectory: String = FileManager.default.currentDirectoryPath,
    isTerminal: Bool = false
  ) {
    self.standardOutput = standardOutput
    self.standardError = standardError
    self.readStandardInput = readStandardInput
    self.readLine = readLine
    self.environment = environment
    self.workingDirectory = workingDirectory
    self.isTerminal = isTerminal
  }

  func out(_ text: String) { standardOutput(text) }
  func err(_ text: String) { standardError(text) }

  /// Colour is used only on a terminal and never when `NO_COLOR` is set.
  func colorEnabled(noColorFlag: Bool) -> Bool {
    isTerminal && !noColorFlag && environment["NO_COLOR"] == nil
  }

  /// The real process: stdout, stderr, stdin, environment and current directory.
  public static var live: CommandContext {
    CommandContext(
      standardOutput: { FileHandle.standardOutput.write(Data($0.utf8)) },
      standardError: { FileHandle.standardError.write(Data($0.utf8)) },
      readStandardInput: { FileHandle.standardInput.readDataToEndOfFile() },
      readLine: { Swift.readLine(strippingNewline: true) },
      environment: ProcessInfo.processInfo.environment,
      workingDirectory: FileManager.default.currentDirectoryPath,
      isTerminal: isatty(STDOUT_FILENO) == 1
    )
  }
}
