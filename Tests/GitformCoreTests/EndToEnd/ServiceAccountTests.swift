import Foundation
import XCTest

@testable import GitformCore

/// `service_account` against the emulator: an instance account with its token in one apply, a
/// group's account, imports of both kinds, and deletion through the right route.
final class ServiceAccountTests: XCTestCase {
  private var scene: InProcessCLI!
  private var fixture: EmulatorFixture { scene.fixture }
  private var groupID = 0

  override func setUpWithError() throws {
    scene = try InProcessCLI("service-accounts")
    groupID = try fixture.createGroup("platform")
  }

  override func tearDownWithError() throws {
    scene?.finish()
  }

  private let configuration = """
    resource "service_account" "deployer" {
      name     = "Deployer"
      username = "deployer-sa"
    }

    resource "service_account" "group" {
      group    = "platform"
      username = "platform-sa"
    }

    resource "user_token" "deployer" {
      user_id    = service_account.deployer.user_id
      name       = "deploy"
      scopes     = ["api"]
      expires_at = "2027-01-01"
    }

    """

  private func run(_ arguments: [String], code: Int32 = 0, file: StaticString = #filePath, line: UInt = #line) -> String {
    let result = scene.run(arguments)
    XCTAssertEqual(result.code, code, "\(arguments): \(result.out)\(result.err)", file: file, line: line)
    return result.out + result.err
  }

  private func accounts(_ path: String) throws -> [[String: Any]] {
    try XCTUnwrap(try fixture.raw(.get, path).json as? [[String: Any]])
  }

  func testInstanceAndGroupAccountsWithATokenThenDestroyed() throws {
    try scene.write(configuration)
    let applied = run(["apply", "-auto-approve", "-parallelism=1"])
    XCTAssertTrue(applied.contains("Apply complete! Resources: 3 added, 0 changed, 0 destroyed."), applied)
    // GitLab's instance list holds every service account, the group's too.
    let instance = try accounts("/api/v4/service_accounts").filter { $0["username"] as? String == "deployer-sa" }
    let instanceID = try XCTUnwrap(instance.first?["id"] as? Int)
    XCTAssertTrue(applied.contains("service_account.deployer: Creation complete after 0s [id=\(instanceID)]"), applied)
    let group = try accounts("/api/v4/groups/\(groupID)/service_accounts")
    XCTAssertEqual(group.map { $0["username"] as? String }, ["platform-sa"])
    let groupAccountID = try XCTUnwrap(group.first?["id"] as? Int)
    XCTAssertTrue(applied.contains("service_account.group: Creation complete after 0s [id=platform:\(groupAccountID)]"), applied)
    XCTAssertTrue(applied.contains("user_token.deployer: Creation complete after 0s [id=\(instanceID):"), applied)
    XCTAssertTrue(run(["plan"]).contains("No changes."))

    try fixture.resetStats()
    let destroyed = run(["destroy", "-auto-approve", "-parallelism=1"])
    XCTAssertTrue(destroyed.contains("Destroy complete! Resources: 3 destroyed."), destroyed)
    XCTAssertEqual(try fixture.requestCount("DELETE /api/v4/users/:id"), 1)
    XCTAssertEqual(try fixture.requestCount("DELETE /api/v4/groups/:id/service_accounts/:user_id"), 1)
    XCTAssertEqual(try accounts("/api/v4/service_accounts").count, 0)
    XCTAssertEqual(try accounts("/api/v4/groups/\(groupID)/service_accounts").count, 0)
  }

  func testBothKindsAreImported() throws {
    let instance = try fixture.raw(.post, "/api/v4/service_accounts", ["name": "Deployer", "username": "deployer-sa"])
    let instanceID = try XCTUnwrap(fixture.field(instance, "id") as? Int)
    let group = try fixture.raw(.post, "/api/v4/groups/\(groupID)/service_accounts", ["username": "platform-sa"])
    let groupAccountID = try XCTUnwrap(fixture.field(group, "id") as? Int)
    try scene.write(
      """
      resource "service_account" "deployer" {
        name     = "Deployer"
        username = "deployer-sa"
      }

      resource "service_account" "group" {
        group    = "platform"
        username = "platform-sa"
      }

      """)
    XCTAssertTrue(run(["import", "service_account.deployer", "\(instanceID)"]).contains("Import successful!"))
    XCTAssertTrue(run(["import", "service_account.group", "platform:\(groupAccountID)"]).contains("Import successful!"))
    XCTAssertTrue(run(["plan"]).contains("No changes."))
    XCTAssertTrue(run(["state", "rm", "service_account.group"]).contains("Removed service_account.group"))
    let bad = run(["import", "service_account.group", "platform:x"], code: 1)
    XCTAssertTrue(
      bad.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(
        "expected <user-id> for an instance service account or <group>:<user-id> for a group's"), bad)
  }
}
