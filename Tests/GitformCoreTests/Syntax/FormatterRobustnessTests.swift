import XCTest

@testable import GitformCore

/// The formatter on input that is broken in every way: truncated, sprinkled with random
/// bytes, nested absurdly deep, unterminated. It must always finish, and without the
/// Terraform rewrites it must change nothing but whitespace.
final class FormatterRobustnessTests: XCTestCase {
  static func seeds() throws -> [[UInt8]] {
    try FormatterFixtureTests.fixtures().map(\.input)
  }

  func check(_ input: [UInt8], file: StaticString = #filePath, line: UInt = #line) {
    let tokens = Lexer.tokenize(input, filename: "fuzz.gf.hcl").tokens
    let plain = Formatter(rewrites: false).format(tokens)
    XCTAssertEqual(
      FormatterFixtureTests.withoutWhitespace(plain), FormatterFixtureTests.withoutWhitespace(input),
      "non-whitespace changed for \(String(decoding: input, as: UTF8.self).debugDescription)",
      file: file, line: line)
    _ = Formatter().format(tokens)
  }

  /// The shared generator's inputs (the ones the lexer and parser robustness tests use):
  /// mixed mutations and random bytes, every truncation of the valid corpus, and the
  /// pathological set. Valid corpus files must also format idempotently.
  func testSharedGeneratorInputs() {
    var generator = HCLInputGenerator(seed: 0x666D74)
    var count = 0
    // Depth 800, not the default 3,000: unclosed `b {` lines indent one level deeper each,
    // so that input's output grows with the square of the depth (as Terraform's would).
    for input in generator.mixedInputs(count: 3_000) + HCLInputGenerator.pathological(depth: 800) {
      check(input)
      count += 1
    }
    for text in HCLInputGenerator.corpus {
      let source = Array(text.utf8)
      for truncation in HCLInputGenerator.truncations(of: source) {
        check(truncation)
        count += 1
      }
      let once = FormatterFixtureTests.format(source)
      XCTAssertEqual(
        String(decoding: FormatterFixtureTests.format(once), as: UTF8.self),
        String(decoding: once, as: UTF8.self), "not idempotent: \(text.debugDescription)")
    }
    XCTAssertGreaterThan(count, 4_000)
  }

  func testTruncationsOfEveryFixture() throws {
    for seed in try Self.seeds() {
      var cut = 0
      while cut < seed.count {
        check(Array(seed[..<cut]))
        cut += max(1, seed.count / 40)
      }
    }
  }

  func testRandomByteMutations() throws {
    let seeds = try Self.seeds()
    var random = RobustnessRandom(seed: 42)
    let alphabet = Array("{}[]()\"'$%~<>=!?:.,*-+/#\\\n\r\t 0aZé日\u{0}".utf8)
    for _ in 0..<600 {
      var input = seeds[Int(random.next() % UInt64(seeds.count))]
      for _ in 0..<(1 + Int(random.next() % 4)) where !input.isEmpty {
        let position = Int(random.next() % UInt64(input.count))
        switch random.next() % 3 {
        case 0: input.insert(alphabet[Int(random.next() % UInt64(alphabet.count))], at: position)
        case 1: input.remove(at: position)
        default: input[position] = UInt8(truncatingIfNeeded: random.next())
        }
      }
      check(input)
    }
  }

  func testDeepNestingAndUnterminatedConstructs() {
    let depth = 5_000
    check(Array(("a = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n").utf8))
    // Unclosed blocks indent every line one level deeper: the output grows quadratically
    // (as Terraform's does), so this one is kept shallower.
    check(Array(String(repeating: "b {\n", count: 1_000).utf8))
    check(Array(String(repeating: "}\n", count: depth).utf8))
    check(Array(("a = \"" + String(repeating: "${", count: 500)).utf8))
    check(Array("a = <<EOT\nno end\n".utf8))
    check(Array("a = /* never closed\n".utf8))
    check(Array("a = \"${x\n".utf8))
    check(Array("x \"\\u{zz}\" y {\n".utf8))
  }
}

private struct RobustnessRandom {
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
