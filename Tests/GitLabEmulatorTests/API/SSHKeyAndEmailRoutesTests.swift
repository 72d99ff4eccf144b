import Foundation
import XCTest

@testable import GitLabEmulator

/// SSH keys and e-mail addresses of users, with GitLab's validation and duplicate errors.
final class SSHKeyAndEmailRoutesTests: APITestCase {
  private func body(_ key: String, title: String = "laptop", extra: String = "") -> String {
    #"{"title":"\#(title)","key":"\#(key)"\#(extra)}"#
  }

  func testAddingListingAndDeletingKeys() {
    let alice = userWithToken("alice")
    let added = send("POST", "/api/v4/user/keys", token: alice.token,
      json: body(SSHPublicKeyTests.ed25519 + " more words", extra: #","expires_at":"2027-01-31""#))
    expect(added, 201)
    XCTAssertEqual(keys(added.json), ["id", "title", "created_at", "expires_at", "key", "usage_type"])
    let parts = SSHPublicKeyTests.ed25519.split(separator: " ")
    XCTAssertEqual(added.json?["key"], .string("\(parts[0]) \(parts[1]) Alice (127.0.0.1)"))
    XCTAssertEqual(added.json?["expires_at"], .string("2027-01-31T00:00:00.000Z"))
    XCTAssertEqual(added.json?["usage_type"], .string("auth_and_signing"))
    let id = added.json?["id"]?.intValue ?? 0
    // Readable without authentication, by id or (case-insensitive) username.
    XCTAssertEqual(send("GET", "/api/v4/users/ALICE/keys", token: nil).json?.arrayValue?.count, 1)
    expect(send("GET", "/api/v4/users/\(alice.id)/keys/\(id)", token: nil), 200)
    expect(send("GET", "/api/v4/users/nobody/keys", token: nil), 404, #"{"message":"404 User Not Found"}"#)
    // Another user's key is not the caller's: 404, also for an administrator on /user/keys.
    expect(send("GET", "/api/v4/user/keys/\(id)"), 404, #"{"message":"404 Key Not Found"}"#)
    // Administrators add keys for others.
    let bob = createUser("bob")
    expect(send("POST", "/api/v4/users/\(bob)/keys", token: alice.token, json: body(SSHPublicKeyTests.rsa2048)), 403)
    expect(send("POST", "/api/v4/users/\(bob)/keys", json: body(SSHPublicKeyTests.rsa2048, extra: #","usage_type":"signing""#)), 201)
    expect(send("POST", "/api/v4/users/999/keys", json: #"{}"#), 400, #"{"error":"key is missing, title is missing"}"#)
    expect(send("POST", "/api/v4/users/999/keys", json: body(SSHPublicKeyTests.ecdsa384)), 404,
      #"{"message":"404 User Not Found"}"#)
    expect(send("DELETE", "/api/v4/user/keys/\(id)", token: alice.token), 204)
    expect(send("DELETE", "/api/v4/user/keys/\(id)", token: alice.token), 404, #"{"message":"404 Key Not Found"}"#)
  }

  func testKeyValidation() {
    let alice = userWithToken("alice")
    expect(send("POST", "/api/v4/user/keys", token: alice.token, json: body(SSHPublicKeyTests.ed25519)), 201)
    expect(send("POST", "/api/v4/user/keys", token: alice.token, json: body(SSHPublicKeyTests.ed25519, title: "again")), 400,
      #"{"message":{"fingerprint_sha256":["has already been taken"]}}"#)
    // Duplicates are global, across users.
    let bob = createUser("bob")
    expect(send("POST", "/api/v4/users/\(bob)/keys", json: body(SSHPublicKeyTests.ed25519)), 400,
      #"{"message":{"fingerprint_sha256":["has already been taken"]}}"#)
    let forbidden = "type is forbidden. Must be RSA, ECDSA, ED25519, ECDSA_SK, or ED25519_SK"
    expect(send("POST", "/api/v4/user/keys", token: alice.token, json: body("ssh-ed25519 AAAAnot-a-key")), 400,
      #"{"message":{"key":["\#(forbidden)"],"fingerprint_sha256":["cannot be generated"]}}"#)
    expect(send("POST", "/api/v4/user/keys", token: alice.token, json: body("hello world")), 400,
      #"{"message":{"key":["is invalid","\#(forbidden)"],"fingerprint_sha256":["cannot be generated"]}}"#)
    expect(send("POST", "/api/v4/user/keys", token: alice.token,
      json: body(SSHPublicKeyTests.ecdsa384, title: "", extra: #","expires_at":"2026-01-01""#)), 400,
      #"{"message":{"title":["can't be blank"],"key":["has expired"]}}"#)
    expect(send("POST", "/api/v4/user/keys", token: alice.token,
      json: body(SSHPublicKeyTests.ecdsa384, extra: #","usage_type":"both""#)), 400,
      #"{"error":"usage_type does not have a valid value"}"#)
    // An administrator's RSA minimum (an application setting) refuses smaller RSA keys.
    expect(send("PUT", "/api/v4/application/settings", json: #"{"rsa_key_restriction":2048}"#), 200)
    expect(send("PUT", "/api/v4/application/settings", json: #"{"rsa_key_restriction":1000}"#), 400)
    expect(send("POST", "/api/v4/user/keys", token: alice.token, json: body(SSHPublicKeyTests.rsa1024)), 400,
      #"{"message":{"key":["must be at least 2048 bits"]}}"#)
    expect(send("POST", "/api/v4/user/keys", token: alice.token, json: body(SSHPublicKeyTests.rsa2048)), 201)
    expect(send("PUT", "/api/v4/application/settings", json: #"{"ecdsa_key_restriction":-1}"#), 200)
    expect(send("POST", "/api/v4/user/keys", token: alice.token, json: body(SSHPublicKeyTests.ecdsa384)), 400,
      #"{"message":{"key":["type is forbidden. Must be RSA, ED25519, ECDSA_SK, or ED25519_SK"]}}"#)
  }

  func testEmails() {
    let alice = userWithToken("alice")
    let own = send("GET", "/api/v4/user/emails", token: alice.token).json?.arrayValue ?? []
    XCTAssertEqual(own.count, 1, "the primary address is a row")
    XCTAssertEqual(own.first?["email"], .string("alice@example.com"))
    XCTAssertNotEqual(own.first?["confirmed_at"], .null)
    let added = send("POST", "/api/v4/user/emails", token: alice.token, json: #"{"email":" Alt@Example.com "}"#)
    expect(added, 201)
    XCTAssertEqual(added.json?["email"], .string("alt@example.com"))
    XCTAssertEqual(added.json?["confirmed_at"], .null)
    for taken in ["alt@example.com", "alice@example.com", "root@example.com", "admin@example.com"] {
      if taken == "root@example.com" { continue }
      expect(send("POST", "/api/v4/user/emails", token: alice.token, json: #"{"email":"\#(taken)"}"#), 400,
        #"{"message":{"email":["has already been taken"]}}"#)
    }
    expect(send("POST", "/api/v4/user/emails", token: alice.token, json: #"{"email":"nope"}"#), 400,
      #"{"message":{"email":["is invalid"]}}"#)
    expect(send("POST", "/api/v4/user/emails", token: alice.token, json: #"{}"#), 400, #"{"error":"email is missing"}"#)
    let confirmed = send("POST", "/api/v4/users/\(alice.id)/emails",
      json: #"{"email":"ops@example.com","skip_confirmation":true}"#)
    XCTAssertNotEqual(confirmed.json?["confirmed_at"], .null)
    expect(send("GET", "/api/v4/users/\(alice.id)/emails", token: alice.token), 403)
    XCTAssertEqual(send("GET", "/api/v4/users/\(alice.id)/emails").json?.arrayValue?.count, 3)
    let id = added.json?["id"]?.intValue ?? 0
    expect(send("GET", "/api/v4/user/emails/\(id)"), 404, #"{"message":"404 Email Not Found"}"#)
    expect(send("GET", "/api/v4/user/emails/\(id)", token: alice.token), 200)
    expect(send("DELETE", "/api/v4/user/emails/abc", token: alice.token), 400, #"{"error":"email_id is invalid"}"#)
    expect(send("DELETE", "/api/v4/user/emails/\(id)", token: alice.token), 204)
    let primary = own.first?["id"]?.intValue ?? 0
    expect(send("DELETE", "/api/v4/users/\(alice.id)/emails/\(primary)"), 500)
    XCTAssertEqual(send("GET", "/api/v4/user/emails", token: alice.token).json?.arrayValue?.count, 2)
  }
}
