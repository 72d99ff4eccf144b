import Foundation
import XCTest

@testable import GitformCore

/// `created_at` as the state records it: the hand-written formatting must equal
/// `ISO8601DateFormatter`'s in UTC, fractions of a second included (truncated).
final class TokenTimestampTests: XCTestCase {
  private func reference(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }

  func testMatchesTheFormatter() {
    var dates = [0, 0.999, 0.0004999, 0.0005, 0.9994999, 0.9995, 59.5, 59.9995, 240_598_501.9996848, 86_399.999, 86_400, 951_782_400, 1_700_000_000.123, 1_765_000_000.9999,
      4_102_444_799.5, 253_402_300_799.0, 253_402_300_800, -0.5, -86_400.25, -62_135_596_800.0]
      .map { Date(timeIntervalSince1970: $0) }
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<5_000 {
      dates.append(Date(timeIntervalSince1970: Double.random(in: 0..<4_200_000_000, using: &generator)))
    }
    for date in dates {
      XCTAssertEqual(TokenAttributes.timestamp(date), reference(date), "\(date.timeIntervalSince1970)")
    }
  }
}
