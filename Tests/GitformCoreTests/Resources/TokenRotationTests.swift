import XCTest

@testable import GitformCore

/// The provider's rotation rules as `TokenRotation.due` decides them (reference §1, §9).
final class TokenRotationTests: XCTestCase {
  private let today = CalendarDate("2026-06-09")!

  private func rotation(_ days: Int, _ before: Int) -> Value {
    .object(["expiration_days": .number(days), "rotate_before_days": .number(before)])
  }

  private func prior(_ expiry: String?, recorded: Value? = nil) -> Value {
    .object([
      "expires_at": expiry.map(Value.string) ?? .null(.string),
      "rotation_configuration": recorded ?? .null(.dynamic),
    ])
  }

  private func config(_ rotation: Value?) -> Value {
    .object(["expires_at": .null(.string), "rotation_configuration": rotation ?? .null(.dynamic)])
  }

  func testRotatesFromTheRotationDateOn() {
    // 2026-06-12 − 3 days = 2026-06-09: due today, not the day before.
    XCTAssertEqual(
      TokenRotation.due(prior: prior("2026-06-12", recorded: rotation(10, 3)), config: config(rotation(10, 3)), today: today),
      TokenRotation(expiry: CalendarDate("2026-06-19")!, reason: .rotationDue(expiry: CalendarDate("2026-06-12")!, beforeDays: 3)))
    XCTAssertEqual(
      ActionReasonText.words(.rotationDue(expiry: CalendarDate("2026-06-12")!, beforeDays: 3)),
      "expires 2026-06-12, within rotate_before_days = 3")
    XCTAssertNil(
      TokenRotation.due(
        prior: prior("2026-06-13", recorded: rotation(10, 3)), config: config(rotation(10, 3)), today: today))
  }

  func testNoRotationWithoutConfigurationOrWhenTheDateWouldNotMove() {
    XCTAssertNil(TokenRotation.due(prior: prior("2026-06-10"), config: config(nil), today: today))
    // {20,30} on the day its expiry was set: today + 20 is the date it has.
    XCTAssertNil(
      TokenRotation.due(prior: prior("2026-06-29", recorded: rotation(20, 30)), config: config(rotation(20, 30)), today: today))
  }

  func testChangedDaysRotateAtOnceUnlessTheDateIsTheSame() {
    XCTAssertEqual(
      TokenRotation.due(prior: prior("2026-06-19", recorded: rotation(10, 1)), config: config(rotation(20, 30)), today: today)?.expiry,
      CalendarDate("2026-06-29"))
    XCTAssertEqual(
      TokenRotation.due(prior: prior("2026-06-19", recorded: rotation(10, 1)), config: config(rotation(20, 30)), today: today).map { ActionReasonText.words($0.reason) },
      "rotation_configuration changed to expiration_days = 20, rotate_before_days = 30")
    XCTAssertNil(
      TokenRotation.due(prior: prior("2026-06-29", recorded: rotation(20, 30)), config: config(rotation(20, 1)), today: today))
  }

  func testAnImportedTokenWithoutRecordedDaysRotatesOnlyByDate() {
    XCTAssertNil(TokenRotation.due(prior: prior("2026-07-01"), config: config(rotation(20, 5)), today: today))
    XCTAssertEqual(
      TokenRotation.due(prior: prior("2026-06-12"), config: config(rotation(20, 5)), today: today)?.expiry,
      CalendarDate("2026-06-29"))
  }

  func testATokenWithoutExpiryGetsOne() {
    XCTAssertEqual(
      TokenRotation.due(prior: prior(nil), config: config(rotation(30, 7)), today: today)?.expiry,
      CalendarDate("2026-07-09"))
  }

  func testInvalidDaysNeverRotate() {
    XCTAssertNil(TokenRotation.due(prior: prior("2026-06-10"), config: config(rotation(0, 1)), today: today))
    XCTAssertNil(TokenRotation.due(prior: prior("2026-06-10"), config: config(rotation(5, -1)), today: today))
  }
}
