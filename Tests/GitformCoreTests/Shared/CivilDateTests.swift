import Foundation
import XCTest

@testable import GitformCore

/// The one calendar algorithm behind `CalendarDate`, `RFC3339Timestamp` and the time functions.
final class CivilDateTests: XCTestCase {
  func testKnownDays() {
    XCTAssertEqual(CivilDate.days(year: 1970, month: 1, day: 1), 0)
    XCTAssertEqual(CivilDate.days(year: 1969, month: 12, day: 31), -1)
    XCTAssertEqual(CivilDate.days(year: 2000, month: 3, day: 1), 11_017)
    XCTAssertEqual(CivilDate.days(year: 1, month: 1, day: 1), -719_162)
    XCTAssertEqual(CivilDate.days(year: 0, month: 3, day: 1), -719_468)
    XCTAssertEqual(CivilDate.days(year: 9999, month: 12, day: 31), 2_932_896)
    XCTAssertEqual(CivilDate.day(daysSinceEpoch: 11_016), CivilDate.Day(year: 2000, month: 2, day: 29))
    XCTAssertEqual(CivilDate.day(daysSinceEpoch: -719_469), CivilDate.Day(year: 0, month: 2, day: 29))
  }

  /// Every day from year -400 to 10,400 goes to a date and back, one day after the other.
  func testDaysAndDatesRoundTripAndFollowEachOther() {
    var previous = CivilDate.day(daysSinceEpoch: -866_000)
    for days in -865_999...3_080_000 {
      let date = CivilDate.day(daysSinceEpoch: days)
      XCTAssertEqual(CivilDate.days(year: date.year, month: date.month, day: date.day), days)
      if date.day == 1 {
        XCTAssertEqual(previous.day, CivilDate.daysIn(month: previous.month, year: previous.year))
        XCTAssertEqual(date.month, previous.month == 12 ? 1 : previous.month + 1)
      } else {
        XCTAssertEqual(date.day, previous.day + 1)
        XCTAssertEqual(date.month, previous.month)
      }
      XCTAssertEqual(date.year, previous.year + (date.month == 1 && date.day == 1 ? 1 : 0))
      previous = date
      if date.day > 31 || date.month > 12 { return XCTFail("\(days) is \(date)") }
    }
  }

  /// From 1583 on: Foundation's calendar is Julian before the 1582 cutover, ours (like Go's)
  /// proleptic Gregorian.
  func testAgreesWithFoundationsGregorianCalendar() throws {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try XCTUnwrap(TimeZone(identifier: "UTC"))
    for days in stride(from: -141_000, through: 2_932_896, by: 97) {
      let parts = calendar.dateComponents(
        [.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(days) * 86_400))
      let date = CivilDate.day(daysSinceEpoch: days)
      XCTAssertEqual([date.year, date.month, date.day], [parts.year, parts.month, parts.day], "\(days)")
    }
  }

  func testMonthLengthsAndLeapYears() {
    XCTAssertEqual((1...12).map { CivilDate.daysIn(month: $0, year: 2025) }, [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
    XCTAssertEqual(CivilDate.daysIn(month: 2, year: 2024), 29)
    XCTAssertEqual(CivilDate.daysIn(month: 2, year: 2000), 29)
    XCTAssertEqual(CivilDate.daysIn(month: 2, year: 1900), 28)
    XCTAssertEqual(CivilDate.daysIn(month: 2, year: 0), 29)
  }

  func testFieldsOfASecondIncludingBeforeTheEpoch() {
    XCTAssertEqual(
      CivilDate.fields(secondsSinceEpoch: 0),
      CivilDate.Fields(year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, weekday: 4))
    XCTAssertEqual(
      CivilDate.fields(secondsSinceEpoch: -1),
      CivilDate.Fields(year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59, weekday: 3))
    // 2026-12-07T05:31:17Z, a Monday.
    XCTAssertEqual(
      CivilDate.fields(secondsSinceEpoch: 1_796_621_477),
      CivilDate.Fields(year: 2026, month: 12, day: 7, hour: 5, minute: 31, second: 17, weekday: 1))
    XCTAssertEqual(CivilDate.floorDivide(-1, 86_400), -1)
    XCTAssertEqual(CivilDate.floorDivide(-86_400, 86_400), -1)
    XCTAssertEqual(CivilDate.floorDivide(86_399, 86_400), 0)
  }
}
