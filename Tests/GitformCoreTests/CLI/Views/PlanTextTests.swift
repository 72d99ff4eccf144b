import Foundation
import XCTest

@testable import GitformCore

/// The plan's text helpers must match what Foundation wrote before they were hand-written.
final class PlanTextTests: XCTestCase {
  func testPaddingMatchesFoundation() {
    let samples = ["", "id", "name", "expires_at", "é", "naïve", "🎉", "a🎉b", "日本語", "rotation_configuration"]
    for sample in samples {
      for width in 0...24 {
        XCTAssertEqual(
          PlanText.padded(sample, to: width), sample.padding(toLength: width, withPad: " ", startingAt: 0),
          "\(sample) to \(width)")
      }
    }
  }
}
