import Foundation
import XCTest

@testable import GitformCore

/// What one in-process run of the command line returned: the exit code and every byte written
/// to standard output and standard error.
typealias CommandRun = (code: Int32, out: String, err: String)

/// A scratch working directory in which gitform's command line runs in this process, its output
/// captured: the setup every in-process command test shares, with no GitLab behind it.
///
/// The scenes of Support, from small to large: `CommandWorkspace` (in process, no GitLab);
/// `InProcessCLI` (one of these with an `EmulatorFixture` behind it and the clock fixed);
/// `GitformProcess` (the built binary in a directory of its own, for what only a process shows:
/// signals, exit codes, the real standard streams). Look here before writing setup in a test.
///
/// Every run's output is kept in `transcript`, so a test can scan all of it for a secret at the
/// end instead of remembering to collect each run's text itself.
final class CommandWorkspace {
  let directory: URL
  /// The environment of every run; `run(_:environment:)` adds to it for one run.
  var environment: [String: String]
  /// Everything any run printed (standard output, then standard error), in order.
  private(set) var transcript: [String] = []

  /// A fresh directory named after `name` (which tells a leftover directory's test).
  init(_ name: String, environment: [String: String] = [:]) throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("gitform-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    self.environment = environment
  }

  /// Removes the directory and everything in it.
  func remove() {
    try? FileManager.default.removeItem(at: directory)
  }

  /// The URL of `name` (a relative path) in the directory.
  func url(_ name: String) -> URL {
    directory.appendingPathComponent(name)
  }

  /// Writes `text` as `name`, creating the folders of a nested path; the argument order of
  /// `GitformProcess.write`, the binary's twin.
  func write(_ name: String, _ text: String) throws {
    let file = url(name)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: file)
  }

  /// The text of `name`.
  func read(_ name: String) throws -> String {
    String(decoding: try Data(contentsOf: url(name)), as: UTF8.self)
  }

  /// Runs `gitform ARGUMENTS` exactly as given (no flag is added). `terminal` says whether
  /// standard output is a terminal (the only case with colour), `readLine` answers prompts and
  /// console lines (nil: end of input), `standardInput` is what `fmt -` reads.
  @discardableResult
  func run(
    _ arguments: [String], environment extra: [String: String] = [:], terminal: Bool = false,
    readLine: @escaping @Sendable () -> String? = { nil }, standardInput: Data = Data()
  ) -> CommandRun {
    let output = CapturedOutput()
    var context = output.context(directory: directory.path, environment: environment.merging(extra) { $1 })
    context.isTerminal = terminal
    context.readLine = readLine
    context.readStandardInput = { standardInput }
    let code = CommandLineInterface().run(arguments, context: context)
    transcript += [output.standardOutput, output.standardError]
    return (code, output.standardOutput, output.standardError)
  }
}

extension CommandWorkspace {
  /// Runs `gitform ARGUMENTS` in the test process's own directory with no environment: for
  /// what reads no file (`version`, `-help`, `fmt -` with `standardInput`), so no scratch
  /// directory is made.
  static func run(_ arguments: [String], standardInput: Data = Data()) -> CommandRun {
    let output = CapturedOutput()
    var context = output.context()
    context.readStandardInput = { standardInput }
    let code = CommandLineInterface().run(arguments, context: context)
    return (code, output.standardOutput, output.standardError)
  }
}

/// Hands out `lines` one per call, then nil (end of input): what a user typing them would give
/// `readLine`. A class, because the command reads through an escaping closure.
final class LineFeeder: @unchecked Sendable {  // every access holds the lock
  private let lock = NSLock()
  private var lines: [String]

  init(_ lines: [String]) { self.lines = lines }

  func next() -> String? {
    lock.withLock { lines.isEmpty ? nil : lines.removeFirst() }
  }
}
