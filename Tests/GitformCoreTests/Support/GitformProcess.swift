import Foundation
import XCTest

/// Runs the built `gitform` binary in a working directory, as a user would, and keeps every
/// byte it printed so tests can scan all output for secrets at the end.
final class GitformProcess {
  struct Result {
    var status: Int32
    var standardOutput: String
    var standardError: String
  }

  let directory: URL
  var environment: [String: String]
  /// Everything any run printed, in order.
  private(set) var transcript: [String] = []

  init(directory: URL, environment: [String: String]) {
    self.directory = directory
    self.environment = environment
  }

  /// A fresh temporary working directory, with gitform pointed at `fixture`'s emulator as root
  /// and its clock fixed at `now` (nil: the real clock, for an emulator on the real clock too):
  /// the setup the end-to-end tests share. The directory is the caller's to remove.
  static func inTemporaryDirectory(
    _ name: String, against fixture: EmulatorFixture, now: String?,
    extraEnvironment: [String: String] = [:]
  ) throws -> GitformProcess {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("gitform-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var environment = [
      "GITLAB_BASE_URL": fixture.emulator.baseURL.absoluteString, "GITLAB_TOKEN": EmulatorFixture.rootToken,
    ]
    if let now { environment["GITFORM_NOW"] = now }
    return GitformProcess(directory: directory, environment: environment.merging(extraEnvironment) { _, extra in extra })
  }

  /// Removes the working directory and everything in it.
  func remove() {
    try? FileManager.default.removeItem(at: directory)
  }

  /// The binary sits next to the test bundle, in the build directory of the configuration being
  /// tested (`.build/<triple>/debug` or `release`): on Linux the main bundle is that directory,
  /// on macOS the `.xctest` bundle is inside it. The source-relative `.build/debug` is the last
  /// resort for an unusual layout.
  static func executableURL() throws -> URL {
    let candidates = [
      Bundle.main.bundleURL.appendingPathComponent("gitform"),
      Bundle(for: GitformProcess.self).bundleURL.deletingLastPathComponent()
        .appendingPathComponent("gitform"),
      URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".build/debug/gitform"),
    ]
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
      // The test target depends on the executable, so this means a broken build layout.
      throw GitformProcessError.notBuilt(candidates.map(\.path))
    }
    return found
  }

  /// Starts `gitform ARGUMENTS` without waiting for it, for a test that interrupts or kills it
  /// part-way. Standard output is piped unless `discardOutput`; standard error only when
  /// `pipeError`, since an unread pipe that fills up would stall the child.
  func start(_ arguments: [String], discardOutput: Bool = false, pipeError: Bool = false) throws -> Started {
    let process = Process()
    process.executableURL = try GitformProcess.executableURL()
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = environment
    let output = discardOutput ? nil : Pipe()
    let error = pipeError ? Pipe() : nil
    process.standardOutput = output ?? FileHandle.nullDevice
    process.standardError = error ?? FileHandle.nullDevice
    try process.run()
    return Started(process: process, output: output, error: error)
  }

  @discardableResult
  func run(_ arguments: [String], input: String? = nil) throws -> Result {
    let process = Process()
    process.executableURL = try GitformProcess.executableURL()
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = environment
    let output = Pipe()
    let error = Pipe()
    let stdin = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = stdin
    try process.run()
    if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
    try stdin.fileHandleForWriting.close()
    // Read both pipes to the end before waiting, so a full pipe cannot block the child.
    let errBox = DataBox()
    let group = DispatchGroup()
    group.enter()
    let errorHandle = error.fileHandleForReading
    DispatchQueue.global().async {
      errBox.data = errorHandle.readDataToEndOfFile()
      group.leave()
    }
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    let errData = errBox.data
    process.waitUntilExit()
    let result = Result(
      status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
      standardError: String(decoding: errData, as: UTF8.self))
    transcript.append(result.standardOutput)
    transcript.append(result.standardError)
    return result
  }

  /// Writes `text` as `name` in the working directory.
  func write(_ name: String, _ text: String) throws {
    try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
  }

  /// Every token value the state file holds now (personal, impersonation, project, group).
  func tokenValuesInState() throws -> Set<String> {
    let url = directory.appendingPathComponent("gitform.tfstate")
    guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
    let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    var values: Set<String> = []
    for resource in json?["resources"] as? [[String: Any]] ?? [] {
      for instance in resource["instances"] as? [[String: Any]] ?? [] {
        if let token = (instance["attributes"] as? [String: Any])?["token"] as? String, !token.isEmpty {
          values.insert(token)
        }
      }
    }
    return values
  }

  /// Fails the test for every token value in `values` that any run printed or that a file
  /// beside the state holds (saved plans, crash logs; the state's journal is part of the state).
  func assertNeverShown(_ values: Set<String>, file: StaticString = #filePath, line: UInt = #line) {
    for text in transcript {
      for value in values where text.contains(value) {
        XCTFail("a token value appeared in gitform's output", file: file, line: line)
      }
    }
    for (name, text) in (try? nonStateFiles()) ?? [:] where !name.hasPrefix("gitform.tfstate") {
      for value in values where text.contains(value) {
        XCTFail("a token value appeared in \(name)", file: file, line: line)
      }
    }
  }

  /// Every file of the working directory except the state and its backup, as text.
  func nonStateFiles() throws -> [String: String] {
    var files: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: directory.path)
    where name != "gitform.tfstate" && name != "gitform.tfstate.backup" {
      if let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) {
        files[name] = String(decoding: data, as: UTF8.self)
      }
    }
    return files
  }
}

extension GitformProcess {
  /// A `gitform` started by `start`, still running until the test ends it.
  struct Started {
    let process: Process
    let output: Pipe?
    let error: Pipe?

    /// Reads standard output until `marker` was printed `count` times, or the output ended;
    /// returns everything read.
    func read(until marker: String, count: Int) -> String {
      guard let handle = output?.fileHandleForReading else { return "" }
      var seen = ""
      while seen.components(separatedBy: marker).count - 1 < count {
        let chunk = handle.availableData
        if chunk.isEmpty { break }
        seen += String(decoding: chunk, as: UTF8.self)
      }
      return seen
    }

    /// Sends SIGKILL, waits for the end and returns how it ended.
    func kill() -> Process.TerminationReason {
      Foundation.kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      return process.terminationReason
    }
  }
}

/// Why the binary could not be run: said plainly, since the test fails (never skips) on it.
enum GitformProcessError: Error, CustomStringConvertible {
  case notBuilt([String])

  var description: String {
    switch self {
    case .notBuilt(let paths):
      return "the gitform executable is not built; looked at \(paths.joined(separator: ", ")). "
        + "GitformCoreTests depends on the gitform product, so `swift test` builds it first."
    }
  }
}

/// Bytes read on another thread; `DispatchGroup.wait` orders the write before the read.
private final class DataBox: @unchecked Sendable {
  var data = Data()
}
