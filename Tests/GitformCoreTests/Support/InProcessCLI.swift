import Foundation
import XCTest

@testable import GitformCore

/// The scene most in-process command tests share: an emulator, a scratch working directory and
/// gitform's command line run in this process against both, with the clock fixed.
///
/// One place instead of a copy per test file; a test keeps its own scene (users, projects) on
/// top through `fixture`. `workspace` runs a command exactly as given when a test needs what
/// `run` decides for it (no `-no-color`, a terminal).
final class InProcessCLI {
  let fixture: EmulatorFixture
  let workspace: CommandWorkspace

  var directory: URL { workspace.directory }
  /// GitLab's address and root token and `GITFORM_NOW`, seen by every run.
  var environment: [String: String] {
    get { workspace.environment }
    set { workspace.environment = newValue }
  }
  /// Everything any run printed, in order, for a final secret scan.
  var transcript: [String] { workspace.transcript }

  /// gitform's clock is fixed at `now`; the emulator's starts at 2026-06-01T12:00:00Z.
  init(_ name: String, now: String = "2026-06-01T12:00:00Z") throws {
    let fixture = try EmulatorFixture()
    self.fixture = fixture
    do {
      workspace = try CommandWorkspace(
        name,
        environment: [
          "GITLAB_BASE_URL": fixture.emulator.baseURL.absoluteString, "GITLAB_TOKEN": EmulatorFixture.rootToken,
          "GITFORM_NOW": now,
        ])
    } catch {
      fixture.stop()
      throw error
    }
  }

  /// Stops the emulator and removes the directory.
  func finish() {
    fixture.stop()
    workspace.remove()
  }

  /// Writes `text` as `name` in the working directory (the configuration unless named).
  func write(_ text: String, _ name: String = "main.gf.hcl") throws {
    try workspace.write(name, text)
  }

  /// Runs `gitform ARGUMENTS -no-color`; `answer` is what every prompt reads (nil: end of input).
  @discardableResult
  func run(_ arguments: [String], answer: String? = nil) -> CommandRun {
    workspace.run(arguments + ["-no-color"], readLine: { answer })
  }
}
