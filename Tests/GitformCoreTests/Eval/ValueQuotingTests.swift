import Foundation
import XCTest

@testable import GitformCore

/// `Value.quoted`'s ASCII fast path must write exactly what the general path (escapes, then
/// Foundation's replacement of `${` and `%{`) writes, for every kind of text.
final class ValueQuotingTests: XCTestCase {
  /// The general algorithm as it was before the fast path, kept here as the reference.
  private func reference(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          out += String(format: "\\u%04X", scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out = out.replacingOccurrences(of: "${", with: "$${").replacingOccurrences(of: "%{", with: "%%{")
    return out + "\""
  }

  func testEdgeCasesMatchTheGeneralPath() {
    let samples = [
      "", "plain", "team/app", "a\"b", "back\\slash", "line\nbreak\r\n", "tab\there", "\u{1}\u{1F}",
      "${var}", "$${x}", "%{if}", "%%{y}", "$", "%", "{", "${", "%{", "$%{", "%${", "$$$${{", "x${", "}${",
      "é${x}", "naïve\n", "emoji 🎉 %{", "\u{7F}", "mixed \"${a}\" and %{b}\t\\",
    ]
    for sample in samples {
      XCTAssertEqual(Value.quoted(sample), reference(sample), "for \(reference(sample))")
    }
  }

  func testRandomASCIIMatchesTheGeneralPath() {
    var generator = SystemRandomNumberGenerator()
    let alphabet = Array("ab$%{}\"\\\n\r\t\u{0}\u{1B} ").map { String($0) }
    for _ in 0..<2_000 {
      let length = Int.random(in: 0...12, using: &generator)
      let sample = (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "" }.joined()
      XCTAssertEqual(Value.quoted(sample), reference(sample), "for \(reference(sample))")
    }
  }
}
