import Foundation
import XCTest

@testable import GitformCore

/// A 30-second stall on every kind of request gitform sends: GitLab does the work, but only
/// after gitform (with `GITFORM_REQUEST_TIMEOUT=2`) has given up waiting — the answer is lost
/// and the change lands late. gitform must not hang, must not print a secret, and the next
/// apply after GitLab finished must leave exactly one active token per resource, the one in the
/// state, carried by its variable.
///
/// The seven scenes are set up and faulted one after another, then the test waits once for the
/// last stall to end, then each scene gets its second apply: one 30-second wait, not seven.
final class StalledRequestTests: XCTestCase {
  static let stall: [String: Any] = ["delay_ms": 30_000]

  func testEveryRequestKindSurvivesAStallPastTheTimeout() throws {
    let kinds: [FaultedRequest] = [.refresh, .create, .rotate, .revoke, .variableCreate, .variableUpdate, .variableDelete]
    var scenes: [(FaultedRequest, FaultScene, Bool)] = []
    defer { scenes.forEach { $0.1.finish() } }
    var lastFault = Date()
    for kind in kinds {
      let scene = try FaultScene(environment: ["GITFORM_REQUEST_TIMEOUT": "2"])
      let variable = try FaultedRequest.prepare(kind, on: scene, fault: StalledRequestTests.stall)
      lastFault = Date()
      let started = Date()
      let first = try scene.apply()
      // Timeouts bound every wait: a stalled request costs its timeout and the retries, never the stall.
      XCTAssertLessThan(Date().timeIntervalSince(started), 25, "\(kind): gitform waited out the stall")
      try scene.assertStateReadable()
      // Faults gitform did not meet must not stall the referee's own reads.
      XCTAssertEqual(try scene.fixture.raw(.delete, "/-/emulator/faults").status, 204)
      XCTAssertFalse(first.standardError.contains("panic") || first.status > 1, "\(kind): \(first.status)")
      scenes.append((kind, scene, variable))
    }
    let wait = 31 - Date().timeIntervalSince(lastFault)
    if wait > 0 { Thread.sleep(forTimeInterval: wait) }
    for (kind, scene, variable) in scenes {
      let label = "\(kind) with a 30 s stall"
      let second = try scene.apply()
      XCTAssertEqual(second.status, 0, "\(label): " + second.standardOutput + second.standardError)
      try FaultedRequest.verify(kind, on: scene, variable: variable, label)
    }
  }
}
