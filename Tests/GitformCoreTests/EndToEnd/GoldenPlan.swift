import Foundation
import XCTest

/// Compares plan output with `Fixtures/plans/NAME.txt`; `RECORD_GOLDEN=1` rewrites the file.
///
/// Timestamps (the emulator's `created_at`) are replaced by `<time>` on both sides, so a run
/// that crosses a second boundary still compares equal.
enum GoldenPlan {
  static var directory: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/plans")
  }

  static func normalized(_ text: String) -> String {
    text.replacingOccurrences(
      of: #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"#, with: "<time>", options: .regularExpression)
  }

  static func assertMatches(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let url = directory.appendingPathComponent(name + ".txt")
    let actual = normalized(text)
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try actual.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      XCTFail("missing golden file \(url.path); run with RECORD_GOLDEN=1", file: file, line: line)
      return
    }
    XCTAssertEqual(actual, String(decoding: data, as: UTF8.self), "plan differs from \(name).txt", file: file, line: line)
  }
}
