import Foundation
import XCTest

@testable import GitformCore

final class CurrentUserDataTests: TokenTypeTestCase {
  let type = CurrentUserData()

  func testTheRootTokenIsTheAdministratorRoot() throws {
    let user = try type.read(Value.object(type.schema, [:]), context: context)
    XCTAssertEqual(user.string("id"), "1")
    XCTAssertEqual(user.int("user_id"), 1)
    XCTAssertEqual(user.string("username"), "root")
    XCTAssertEqual(user.bool("is_admin"), true)
    XCTAssertEqual(user.bool("bot"), false)
    XCTAssertEqual(type.schema.configurableNames, [])
  }

  func testAnOrdinaryUsersTokenIsNotAnAdministrator() throws {
    let userID = try fixture.createUser("olga")
    let answer = try fixture.raw(
      .post, "/api/v4/users/\(userID)/personal_access_tokens",
      ["name": "own", "scopes": ["read_user"], "expires_at": "2026-12-01"])
    XCTAssertEqual(answer.status, 201)
    let token = try XCTUnwrap(fixture.field(answer, "token") as? String)
    let ownContext = ResourceContext(
      client: fixture.client(token: SecretValue(token)), now: TokenTypeTestCase.now)

    let user = try type.read(Value.object(type.schema, [:]), context: ownContext)
    XCTAssertEqual(user.string("id"), String(userID))
    XCTAssertEqual(user.string("username"), "olga")
    XCTAssertEqual(user.bool("is_admin"), false)
    XCTAssertFalse(user.description.contains(token))
  }

  func testAnUnknownTokenIsUnauthorized() throws {
    let unknown = ResourceContext(
      client: fixture.client(token: SecretValue("glpat-not-a-token")), now: TokenTypeTestCase.now)
    XCTAssertThrowsError(try type.read(Value.object(type.schema, [:]), context: unknown)) {
      error in
      XCTAssertEqual((error as? GitLabError)?.code, .unauthorized)
      XCTAssertFalse("\(error)".contains("glpat-not-a-token"))
    }
  }
}
