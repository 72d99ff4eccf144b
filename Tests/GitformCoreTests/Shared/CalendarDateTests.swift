import XCTest

@testable import GitformCore

final class CalendarDateTests: XCTestCase {
  func testParsesOnlyRealDatesInTheExactFormat() {
    XCTAssertEqual(CalendarDate("2026-12-31")?.description, "2026-12-31")
    XCTAssertEqual(CalendarDate("2024-02-29")?.description, "2024-02-29")
    for bad in [
      "2025-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-1-01",
      "26-01-01", "2026/01/01", "2026-01-01T00:00:00Z", "", "abcd-ef-gh", "0000-01-01",
    ] {
      XCTAssertNil(CalendarDate(bad), bad)
    }
    XCTAssertEqual(CalendarDate("2000-02-29")?.description, "2000-02-29")
  }

  func testDayArithmeticCrossesMonthsYearsAndLeapDays() throws {
    let date = try XCTUnwrap(CalendarDate("2024-02-28"))
    XCTAssertEqual(date.adding(days: 1).description, "2024-02-29")
    XCTAssertEqual(date.adding(days: 2).description, "2024-03-01")
    XCTAssertEqual(date.adding(days: 365).description, "2025-02-27")
    XCTAssertEqual(
      try XCTUnwrap(CalendarDate("2026-12-31")).adding(days: 1).description, "2027-01-01")
    XCTAssertEqual(
      try XCTUnwrap(CalendarDate("2026-01-01")).adding(days: -1).description, "2025-12-31")
  }

  func testUTCDaysAndMidnights() throws {
    // 2026-11-24T23:59:59Z and the next second.
    XCTAssertEqual(
      CalendarDate(utcDayOf: Date(timeIntervalSince1970: 1_795_564_799)).description, "2026-11-24")
    XCTAssertEqual(
      CalendarDate(utcDayOf: Date(timeIntervalSince1970: 1_795_564_800)).description, "2026-11-25")
    XCTAssertEqual(
      try XCTUnwrap(CalendarDate("1970-01-02")).startOfDayUTC.timeIntervalSince1970, 86_400)
    XCTAssertEqual(
      CalendarDate(utcDayOf: Date(timeIntervalSince1970: -1)).description, "1969-12-31")
  }

  func testOrderingAndCoding() throws {
    XCTAssertLessThan(
      try XCTUnwrap(CalendarDate("2026-01-31")), try XCTUnwrap(CalendarDate("2026-02-01")))
    let encoded = try JSONEncoder().encode([CalendarDate("2026-03-04")])
    XCTAssertEqual(String(decoding: encoded, as: UTF8.self), "[\"2026-03-04\"]")
    XCTAssertThrowsError(
      try JSONDecoder().decode([CalendarDate].self, from: Data("[\"2026-3-4\"]".utf8)))
  }
}
