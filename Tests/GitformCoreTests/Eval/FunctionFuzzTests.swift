import XCTest

@testable import GitformCore

/// The parsers behind the new functions on random input: a value or a function error,
/// never a crash or a hang.
final class FunctionFuzzTests: FunctionTestCase {
  private static let alphabet = Array(
    "ab01:/.-_[]{}()^$*+?|\\,'\"\n\t #%&!<>=~`@PpdwsQExu9z\u{e9}\u{1F600}".unicodeScalars)

  private func randomText(_ generator: inout SystemRandomNumberGenerator, length: Int) -> String {
    var view = String.UnicodeScalarView()
    for _ in 0..<Int.random(in: 0...length, using: &generator) {
      view.append(Self.alphabet[Int.random(in: 0..<Self.alphabet.count, using: &generator)])
    }
    return String(view)
  }

  func testStringParsersNeverTrap() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<400 {
      let text = Value.string(randomText(&generator, length: 24))
      let other = Value.string(randomText(&generator, length: 12))
      _ = call("regex", text, other)
      _ = call("regexall", text, other)
      _ = call("replace", other, .string("/" + (text.stringValue ?? "") + "/"), .string("$1"))
      _ = call("csvdecode", text)
      _ = call("yamldecode", text)
      _ = call("cidrhost", text, .number(1))
      _ = call("cidrsubnets", text, .number(2), .number(2))
      _ = call("base64decode", text)
      _ = call("textdecodebase64", text, .string("UTF-16"))
      _ = call("uuidv5", text, other)
      _ = call("parseint", text, .number(36))
      _ = call("formatlist", text, Self.list("a", "b"))
      _ = call("trim", text, other)
      _ = call("basename", text)
      _ = call("dirname", text)
    }
  }

  func testGlobPatternsNeverTrap() throws {
    let directory = NSTemporaryDirectory() + "gitform-fuzz-" + UUID().uuidString
    try FileManager.default.createDirectory(
      atPath: directory + "/a/b", withIntermediateDirectories: true)
    XCTAssertTrue(FileManager.default.createFile(atPath: directory + "/a/b/c.txt", contents: Data()))
    defer { try? FileManager.default.removeItem(atPath: directory) }
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<300 {
      let pattern = randomText(&generator, length: 10)
      _ = call("fileset", .string(directory), .string(pattern), baseDirectory: directory)
    }
    XCTAssertEqual(
      call("fileset", .string(directory), .string("**/*.txt")),
      .success(.set([.string("a/b/c.txt")], elementType: .string)))
  }
}
