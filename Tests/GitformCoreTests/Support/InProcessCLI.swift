import Foundation
import XCTest

@testable import GitformCore

/// Captures what a command writes, for exact-text assertions.
final class CapturedOutput: @unchecked Sendable {
  private let lock = NSLock()
  private var out = ""
  private var err = ""

  var standardOutput: String { lock.withLock { out } }
  var standardError: String { lock.withLock { err } }

  func context(directory: String = FileManager.default.currentDirectoryPath, environment: [String: String] = [:]) -> CommandContext {
    CommandContext(
      standardOutput: { text in self.lock.withLock { self.out += text } },
      standardError: { text in self.lock.withLock { self.err += text } },
      environment: environment, workingDirectory: directory)
  }
}

/// The scene most in-process command tests share: an emulator, a scratch working directory and
/// gitform's command line run in this process against both, with the clock fixed.
///
/// One place instead of a copy per test file; a test keeps its own scene (users, projects) on
/// top through `fixture`.
final class InProcessCLI {
  let fixture: EmulatorFixture
  let directory: URL
  var environment: [String: String]

  init(_ name: String, now: String = "2026-06-01T12:00:00Z") throws {
    fixture = try EmulatorFixture()
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("gitform-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    environment = [
      "GITLAB_BASE_URL": fixture.emulator.baseURL.absoluteString, "GITLAB_TOKEN": EmulatorFixture.rootToken,
      "GITFORM_NOW": now,
    ]
  }

  /// Stops the emulator and removes the directory.
  func finish() {
    fixture.stop()
    try? FileManager.default.removeItem(at: directory)
  }

  /// Writes `text` as `name` in the working directory.
  func write(_ text: String, _ name: String = "main.gf.hcl") throws {
    try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
  }

  /// Runs `gitform ARGUMENTS -no-color`; `answer` is what a prompt reads (nil: end of input).
  @discardableResult
  func run(_ arguments: [String], answer: String? = nil) -> (code: Int32, out: String, err: String) {
    let output = CapturedOutput()
    var context = output.context(directory: directory.path, environment: environment)
    context.readLine = { answer }
    let code = CommandLineInterface().run(arguments + ["-no-color"], context: context)
    return (code, output.standardOutput, output.standardError)
  }
}
