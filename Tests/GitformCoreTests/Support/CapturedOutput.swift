import Foundation

@testable import GitformCore

/// Captures what a command writes, for exact-text assertions.
final class CapturedOutput: @unchecked Sendable {  // every access holds the lock
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
