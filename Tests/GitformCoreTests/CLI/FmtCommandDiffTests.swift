import XCTest

@testable import GitformCore

/// The unified diff behind `fmt -diff`: GNU `diff -u` layout and minimal, correct scripts.
final class FmtCommandDiffTests: XCTestCase {
  typealias Diff = FmtCommand.UnifiedDiff

  func render(_ old: String, _ new: String) -> String {
    Diff.render(old: Array(old.utf8), new: Array(new.utf8), path: "f.gf.hcl")
  }

  func testIdenticalInputsHaveNoDiff() {
    XCTAssertEqual(render("a = 1\n", "a = 1\n"), "")
  }

  func testMissingFinalNewlineIsMarkedAsGNUDiffDoes() {
    XCTAssertEqual(
      render("a=1", "a = 1"),
      "--- old/f.gf.hcl\n+++ new/f.gf.hcl\n@@ -1 +1 @@\n-a=1\n\\ No newline at end of file\n+a = 1\n\\ No newline at end of file\n"
    )
  }

  func testAnEmptySideStartsAtZero() {
    XCTAssertEqual(
      render("", "a\nb\n"), "--- old/f.gf.hcl\n+++ new/f.gf.hcl\n@@ -0,0 +1,2 @@\n+a\n+b\n")
    XCTAssertEqual(render("a\n", ""), "--- old/f.gf.hcl\n+++ new/f.gf.hcl\n@@ -1 +0,0 @@\n-a\n")
  }

  func testDeletionsPrintBeforeInsertionsWithContext() {
    XCTAssertEqual(
      render("1\n2\n3\n4\nx\ny\n5\n6\n7\n8\n", "1\n2\n3\n4\nX\n5\n6\n7\n8\n"),
      "--- old/f.gf.hcl\n+++ new/f.gf.hcl\n@@ -2,8 +2,7 @@\n 2\n 3\n 4\n-x\n-y\n+X\n 5\n 6\n 7\n")
  }

  func testCarriageReturnsStayInTheLines() {
    XCTAssertEqual(
      render("a=1\r\n", "a = 1\r\n"), "--- old/f.gf.hcl\n+++ new/f.gf.hcl\n@@ -1 +1 @@\n-a=1\r\n+a = 1\r\n")
  }

  /// Random line sequences: the script rebuilds the new lines from the old ones and is as
  /// short as the longest common subsequence allows.
  func testScriptsAreCorrectAndMinimal() {
    var generator = DiffTestRandom(seed: 7)
    for _ in 0..<300 {
      let a = (0..<Int(generator.next() % 12)).map { _ in String(generator.next() % 4) }
      let b = (0..<Int(generator.next() % 12)).map { _ in String(generator.next() % 4) }
      let edits = Diff.script(a, b)
      var rebuilt: [String] = []
      var oldCursor = 0
      for edit in edits {
        switch edit {
        case .equal(let old, let new):
          XCTAssertEqual(old, oldCursor)
          XCTAssertEqual(a[old], b[new])
          rebuilt.append(a[old])
          oldCursor += 1
        case .delete(let old):
          XCTAssertEqual(old, oldCursor)
          oldCursor += 1
        case .insert(let new): rebuilt.append(b[new])
        }
      }
      XCTAssertEqual(oldCursor, a.count)
      XCTAssertEqual(rebuilt, b)
      let changes = edits.filter { !$0.isEqual }.count
      XCTAssertEqual(changes, a.count + b.count - 2 * Self.lcsLength(a, b), "\(a) → \(b)")
    }
  }

  func testBeyondTheEditLimitTheMiddleBecomesOneReplacement() {
    let a = (0..<3000).map { "a\($0)" }
    let b = (0..<3000).map { "b\($0)" }
    XCTAssertNil(FmtCommand.MyersDiff.edits(a, b, limit: Diff.maximumEdits))
    let edits = Diff.script(["same"] + a, ["same"] + b)
    XCTAssertEqual(edits.count, 6001)
    XCTAssertEqual(edits.first, .equal(old: 0, new: 0))
  }

  static func lcsLength(_ a: [String], _ b: [String]) -> Int {
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
      for j in stride(from: b.count - 1, through: 0, by: -1) {
        table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
      }
    }
    return table[0][0]
  }
}

/// A small deterministic generator, so random tests repeat exactly.
private struct DiffTestRandom {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
