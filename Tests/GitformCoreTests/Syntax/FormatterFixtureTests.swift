import XCTest

@testable import GitformCore

/// Every `Fixtures/fmt/NAME.in.hcl` formats to `NAME.out.hcl`, byte for byte.
///
/// The outputs were produced by `terraform fmt -` (Terraform 1.11.4) when the fixtures were
/// written; no test runs Terraform. Standard-input mode prints the result ending in exactly one
/// newline, so the comparison goes through the same rendering `gitform fmt -` uses.
final class FormatterFixtureTests: XCTestCase {
  struct Fixture {
    var name: String
    var input: [UInt8]
    var expected: [UInt8]
  }

  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures").appendingPathComponent("fmt")

  static func fixtures() throws -> [Fixture] {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".in.hcl") }.sorted()
    return try names.map { name in
      let base = String(name.dropLast(".in.hcl".count))
      let input = try Data(contentsOf: directory.appendingPathComponent(name))
      let expected = try Data(contentsOf: directory.appendingPathComponent(base + ".out.hcl"))
      return Fixture(name: base, input: [UInt8](input), expected: [UInt8](expected))
    }
  }

  static func format(_ source: [UInt8], rewrites: Bool = true) -> [UInt8] {
    Formatter(rewrites: rewrites).format(Lexer.tokenize(source, filename: "fixture.gf.hcl").tokens)
  }

  /// What `fmt -` prints for a formatted result: one trailing newline, never two.
  static func asStandardOutput(_ bytes: [UInt8]) -> [UInt8] {
    Array(FmtCommand.Run.terminated(String(decoding: bytes, as: UTF8.self)).utf8)
  }

  func testThereAreAtLeastFortyFiveFixturePairs() throws {
    XCTAssertGreaterThanOrEqual(try Self.fixtures().count, 45)
  }

  func testEveryFixtureFormatsExactlyAsTerraformDid() throws {
    for fixture in try Self.fixtures() {
      let lexed = Lexer.tokenize(fixture.input, filename: fixture.name)
      XCTAssertFalse(lexed.diagnostics.hasErrors, "\(fixture.name): the input must lex cleanly")
      let actual = Self.asStandardOutput(Formatter().format(lexed.tokens))
      XCTAssertEqual(
        String(decoding: actual, as: UTF8.self), String(decoding: fixture.expected, as: UTF8.self),
        fixture.name)
      XCTAssertEqual(actual, fixture.expected, "\(fixture.name): bytes differ")
    }
  }

  func testFormattingIsIdempotentOnEveryFixture() throws {
    for fixture in try Self.fixtures() {
      let once = Self.format(fixture.input)
      XCTAssertEqual(
        String(decoding: Self.format(once), as: UTF8.self), String(decoding: once, as: UTF8.self),
        fixture.name)
    }
  }

  func testWithoutRewritesOnlyWhitespaceChanges() throws {
    for fixture in try Self.fixtures() {
      let formatted = Self.format(fixture.input, rewrites: false)
      XCTAssertEqual(
        Self.withoutWhitespace(formatted), Self.withoutWhitespace(fixture.input), fixture.name)
    }
  }

  static func withoutWhitespace(_ bytes: [UInt8]) -> String {
    String(decoding: bytes.filter { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }, as: UTF8.self)
  }
}
