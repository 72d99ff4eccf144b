import XCTest

@testable import GitLabEmulator

final class CalendarDayTests: XCTestCase {
  func testParsesFormatsAndCounts() {
    XCTAssertEqual(CalendarDay(parsing: "2026-11-24")?.adding(days: 365).description, "2027-11-24")
    XCTAssertEqual(CalendarDay(parsing: "2028-02-28")?.adding(days: 1).description, "2028-02-29")
    XCTAssertNil(CalendarDay(parsing: "2027-02-29"))
    XCTAssertNil(CalendarDay(parsing: "2026-13-01"))
    XCTAssertNil(CalendarDay(parsing: "26-11-24"))
    XCTAssertEqual(CalendarDay(parsing: "1970-01-01")?.daysSinceEpoch, 0)
  }

  func testTimestamps() {
    let date = Timestamp.parse("2026-11-24T09:30:15.250+01:00")
    XCTAssertEqual(date.map(Timestamp.format), "2026-11-24T08:30:15.250Z")
    XCTAssertEqual(Timestamp.parse("2026-11-24").map(Timestamp.format), "2026-11-24T00:00:00.000Z")
    XCTAssertNil(Timestamp.parse("2026-11-24T25:00:00Z"))
    XCTAssertNil(Timestamp.parse("2026-11-24T10:00:00"))
    XCTAssertEqual(date.map(Timestamp.httpDate), "Tue, 24 Nov 2026 08:30:15 GMT")
  }

  func testTokensExpireAtMidnightUTCOfTheirDate() {
    let token = TokenRecord(
      id: 1, userID: 1, name: "t", description: nil, scopes: [], createdAt: Date(),
      expiresAt: CalendarDay(parsing: "2026-11-25"), revoked: false, impersonation: false,
      lastUsedAt: nil, lastUsedIPs: [], previousID: nil, value: "v")
    XCTAssertFalse(token.isExpired(at: Timestamp.parse("2026-11-24T23:59:59.999Z") ?? Date()))
    XCTAssertTrue(token.isExpired(at: Timestamp.parse("2026-11-25T00:00:00Z") ?? Date()))
  }
}
