import Foundation
import XCTest

@testable import GitformCore

/// Importing a token of the wrong kind or owner is refused, so the state never records it.
final class ImportReaderTests: TokenTypeTestCase {
  private func makeToken(userID: Int, impersonation: Bool) throws -> Int {
    let path = "/api/v4/users/\(userID)/" + (impersonation ? "impersonation_tokens" : "personal_access_tokens")
    let answer = try fixture.raw(
      .post, path, ["name": "t", "scopes": ["api"], "expires_at": "2026-12-31"])
    XCTAssertEqual(answer.status, 201)
    return try XCTUnwrap(fixture.field(answer, "id") as? Int)
  }

  private func read(_ type: any ResourceType, _ id: String) -> Result<Value, ImportFailure> {
    ImportReader(type: type, context: context).read(id: id)
  }

  func testAPersonalTokenOfTheNamedUserImports() throws {
    let user = try fixture.createUser("pat-owner")
    let token = try makeToken(userID: user, impersonation: false)
    let object = try read(UserToken(), "\(user):\(token)").get()
    XCTAssertEqual(object.string("id"), "\(user):\(token)")
  }

  func testAnImpersonationTokenIsRefusedAsAUserToken() throws {
    let user = try fixture.createUser("imp-owner")
    let token = try makeToken(userID: user, impersonation: true)
    guard case .failure(let failure) = read(UserToken(), "\(user):\(token)") else {
      return XCTFail("imported an impersonation token as a user_token")
    }
    XCTAssertEqual(
      failure.description,
      "Token \(token) of user \(user) is an impersonation token, not a personal access token. "
        + "Import it as an impersonation_token instead.")
  }

  func testAUserTokenOfAnotherUserIsRefused() throws {
    let owner = try fixture.createUser("real-owner")
    let other = try fixture.createUser("other-user")
    let token = try makeToken(userID: owner, impersonation: false)
    guard case .failure(let failure) = read(UserToken(), "\(other):\(token)") else {
      return XCTFail("imported another user's token")
    }
    XCTAssertEqual(
      failure.description,
      "Token \(token) belongs to user \(owner), not to user \(other). To import it, use the import id \"\(owner):\(token)\".")
  }

  func testAPersonalTokenIsRefusedAsAnImpersonationToken() throws {
    let user = try fixture.createUser("pat-user")
    let other = try fixture.createUser("pat-other")
    let token = try makeToken(userID: user, impersonation: false)
    guard case .failure(let failure) = read(ImpersonationToken(), "\(user):\(token)") else {
      return XCTFail("imported a personal token as an impersonation_token")
    }
    XCTAssertEqual(
      failure.description,
      "Token \(token) of user \(user) is not an impersonation token. "
        + "Import a personal access token as a user_token instead.")
    guard case .failure(let foreign) = read(ImpersonationToken(), "\(other):\(token)") else {
      return XCTFail("imported another user's token")
    }
    XCTAssertEqual(foreign.description, "Token \(token) belongs to user \(user), not to user \(other).")
  }

  func testAnImpersonationTokenImportsAsOne() throws {
    let user = try fixture.createUser("imp-user")
    let token = try makeToken(userID: user, impersonation: true)
    let object = try read(ImpersonationToken(), "\(user):\(token)").get()
    XCTAssertEqual(object.bool("impersonation"), true)
  }
}
