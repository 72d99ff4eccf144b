import Foundation
import XCTest

@testable import GitformCore

/// The `user`, `user_ssh_key` and `user_email` types without GitLab: import ids, plan-time
/// checks and the state moves, as a configuration meets them.
final class UserTypesTests: TokenTypeTestCase {
  func testImportIDs() throws {
    let user = try ManagedUser().importObject(id: "42").get()
    XCTAssertEqual(user.string("id"), "42")
    XCTAssertEqual(user.int("user_id"), 42)
    for bad in ["", "0", "-3", "alice", "4:2", "٤٢"] {
      XCTAssertEqual(
        (try? ManagedUser().importObject(id: bad).get()).map { _ in "accepted" },
        nil, bad)
    }
    if case .failure(let error) = ManagedUser().importObject(id: "alice") {
      XCTAssertEqual(error.message, "Unexpected import id \"alice\": expected <user-id>, a number such as \"42\".")
    }

    let key = try UserSSHKey().importObject(id: "12:345").get()
    XCTAssertEqual(key.int("user_id"), 12)
    XCTAssertEqual(key.int("key_id"), 345)
    XCTAssertEqual(key.string("id"), "12:345")
    let email = try UserEmail().importObject(id: "7:9").get()
    XCTAssertEqual(email.int("email_id"), 9)
    for bad in ["12", "12:", ":5", "a:5", "12:5:1", "0:5", "12:x"] {
      guard case .failure(let error) = UserSSHKey().importObject(id: bad) else {
        XCTFail("accepted \(bad)")
        continue
      }
      XCTAssertEqual(
        error.message,
        "Unexpected import id \(Value.quoted(bad)) for user_ssh_key: expected <user-id>:<key-id>, two numbers such as \"12:345\".")
    }
    guard case .failure(let emailError) = UserEmail().importObject(id: "x") else { return XCTFail() }
    XCTAssertTrue(emailError.message.contains("<user-id>:<email-id>"), emailError.message)
  }

  func testStateMovesFollowTheProvider() {
    XCTAssertEqual(UserStateChange.steps(from: "active", to: "active"), [])
    XCTAssertEqual(UserStateChange.steps(from: "blocked", to: "active"), [.unblock])
    XCTAssertEqual(UserStateChange.steps(from: "banned", to: "active"), [.unblock])
    XCTAssertEqual(UserStateChange.steps(from: "deactivated", to: "active"), [.activate])
    XCTAssertEqual(UserStateChange.steps(from: "active", to: "blocked"), [.block])
    XCTAssertEqual(UserStateChange.steps(from: "deactivated", to: "blocked"), [.block])
    XCTAssertEqual(UserStateChange.steps(from: "active", to: "deactivated"), [.deactivate])
    XCTAssertEqual(UserStateChange.steps(from: "blocked", to: "deactivated"), [.unblock, .deactivate])
  }

  func testUserChecksPointAtTheAttribute() {
    let problems = validationProblems(
      """
      resource "user" "a" {
        username = "-bot"
        name     = "A"
        email    = "not an address"
        password = "short"
        state    = "banned"
        projects_limit = -1
      }
      resource "user" "b" {
        username = "bot"
        name     = "B"
        email    = "b@example.com"
      }
      """)
    XCTAssertEqual(problems.map(\.line), [2, 4, 5, 6, 7, 9])
    XCTAssertEqual(problems.map(\.summary), [
      "Invalid username", "Invalid email", "Invalid password", "Invalid state", "Invalid projects_limit",
      "Missing password",
    ])
    XCTAssertEqual(problems[2].detail, "GitLab requires at least 8 characters.")
    XCTAssertFalse(problems.contains { $0.detail.contains("short") }, "the password is never shown")
    XCTAssertEqual(
      problems[5].detail,
      "GitLab needs one of password, reset_password = true or force_random_password = true to create a user "
        + "(a bot usually takes force_random_password = true).")
  }

  func testSSHKeyChecksAtPlanTime() {
    let problems = validationProblems(
      """
      resource "user_ssh_key" "a" {
        title      = "ci"
        key        = "\(SSHPublicKeyTextTests.rsa768)"
        expires_at = "next year"
        usage_type = "push"
      }
      resource "user_ssh_key" "ok" {
        title      = "ci"
        key        = "\(SSHPublicKeyTextTests.ed25519) laptop"
        expires_at = "2027-01-31T00:00:00Z"
      }
      resource "user_email" "e" {
        user_id = 3
        email   = "nobody"
      }
      """)
    // Reported by resource type, then in the order of the block.
    XCTAssertEqual(problems.map(\.line), [14, 3, 4, 5])
    XCTAssertEqual(problems.map(\.summary), ["Invalid email", "Invalid SSH key", "Invalid expires_at", "Invalid usage_type"])
    XCTAssertEqual(
      problems[1].detail,
      "GitLab would refuse this key: the RSA key has 768 bits; GitLab requires at least 1024 (2048 or more is advised).")
  }

  func testKeyChangesReplaceButACommentDoesNot() {
    let type = UserSSHKey()
    let prior = planned(type.schema, [
      "user_id": .number(5), "title": .string("ci"), "key": .string(SSHPublicKeyTextTests.ed25519 + " Bot (gitlab)"),
      "expires_at": .string("2027-01-31"), "key_id": .number(8), "id": .string("5:8"),
      "created_at": .string("2026-06-01T12:00:00Z"), "fingerprint_sha256": .string("SHA256:x"),
    ])
    func config(_ values: [String: Value]) -> Value {
      var all: [String: Value] = [
        "user_id": .number(5), "title": .string("ci"), "key": .string(SSHPublicKeyTextTests.ed25519 + " laptop"),
        "expires_at": .string("2027-01-31T00:00:00Z"),
      ]
      all.merge(values) { $1 }
      return Value.object(type.schema, all)
    }
    XCTAssertEqual(change(type, config: config([:]), prior: prior).action, .noOp)
    let moved = change(type, config: config(["expires_at": .string("2027-03-31")]), prior: prior)
    XCTAssertEqual(moved.action, .deleteThenCreate, "the same key text cannot exist twice")
    XCTAssertEqual(moved.replacePaths, ["expires_at"])
    XCTAssertEqual(moved.reason.map(ActionReasonText.words), "expires_at changed (forces replacement)")
    XCTAssertEqual(change(type, config: config(["key": .string(SSHPublicKeyTextTests.rsa2048)]), prior: prior).replacePaths, ["key"])
  }
}
