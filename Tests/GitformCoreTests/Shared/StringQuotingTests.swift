import Foundation
import XCTest

@testable import GitformCore

/// The one string quoter in its four styles, each byte for byte as Terraform 1.11 writes it
/// (the expected texts below were printed by `terraform plan`, `terraform console` and
/// `jsonencode`), and its fast path equal to the general one.
final class StringQuotingTests: XCTestCase {
  /// DEL, C1 controls, a no-break space, a zero-width space, a line separator and HTML
  /// characters: what `output "a" { value = "x\u007fy\u0080z\u009f\u00a0w\u0001v\u200bq\u2028<>&" }`
  /// shows in Terraform's plan, and what the console shows.
  private let hostile = "x\u{7F}y\u{80}z\u{9F}\u{A0}w\u{01}v\u{200B}q\u{2028}<>&"

  // MARK: - Go's %q (plan text, console, messages)

  func testGoStyleIsStrconvQuote() {
    XCTAssertEqual(
      StringQuoting.quote(hostile, .go), #""x\x7fy\u0080z\u009f\u00a0w\x01v\u200bq\u2028<>&""#)
    XCTAssertEqual(
      StringQuoting.quote("\u{07}\u{08}\u{0C}\u{0B}\u{1B}\u{0}", .go), #""\a\b\f\v\x1b\x00""#)
    XCTAssertEqual(StringQuoting.quote("tag\u{E0001} 🎉 é", .go), #""tag\U000e0001 🎉 é""#)
    XCTAssertEqual(StringQuoting.quote("\u{FEFF}\u{200D}", .go), #""\ufeff\u200d""#)
  }

  /// The plan quoter's old cases (PlanText.quoted): unchanged where they already agreed with Go.
  func testGoStyleKeepsThePlanQuotersCases() {
    XCTAssertEqual(StringQuoting.quote("team/app", .go), "\"team/app\"")
    XCTAssertEqual(StringQuoting.quote("é 🎉", .go), "\"é 🎉\"")
    XCTAssertEqual(StringQuoting.quote("a\"b\\c\nd\re\tf\u{1}", .go), "\"a\\\"b\\\\c\\nd\\re\\tf\\x01\"")
    XCTAssertEqual(StringQuoting.quote("${x}", .go), "\"${x}\"")
    XCTAssertEqual(StringQuoting.quote("", .go), "\"\"")
  }

  // MARK: - HCL (instance keys, Value's description)

  /// `terraform_data.x["a$${b"]` and `terraform_data.x["c\u007fd\u0080e\u0001f\u00a0"]`, as
  /// Terraform's plan names instances with those keys.
  func testHCLStyleIsTerraformsInstanceKeyQuoting() {
    XCTAssertEqual(StringQuoting.quote("a${b", .hcl), #""a$${b""#)
    XCTAssertEqual(StringQuoting.quote("c\u{7F}d\u{80}e\u{01}f\u{A0}", .hcl), #""c\u007fd\u0080e\u0001f\u00a0""#)
    XCTAssertEqual(StringQuoting.quote("\u{07}\u{1B}tag\u{E0001}", .hcl), #""\u0007\u001btag\U000e0001""#)
    XCTAssertEqual(InstanceKey.string("a${b").description, #"["a$${b"]"#)
    XCTAssertEqual(InstanceKey.string("c\u{7F}d\u{80}e\u{01}f\u{A0}").description, #"["c\u007fd\u0080e\u0001f\u00a0"]"#)
  }

  /// The fix of this change: `Value`'s description used to leave DEL and C1 controls raw.
  /// Other characters that are not printable (a no-break space, the joiners inside an emoji
  /// sequence) stay as written, as the function corpora expect.
  func testValueDescriptionEscapesDELAndC1Controls() {
    XCTAssertEqual(Value.string("a\u{7F}b\u{85}c\u{9F}\u{1B}").description, #""a\u007fb\u0085c\u009f\u001b""#)
    XCTAssertEqual(Value.string("a\"b\n${x}").description, #""a\"b\n$${x}""#)
    XCTAssertEqual(Value.string("a\u{A0}b\u{200D}c\u{A1}").description, "\"a\u{A0}b\u{200D}c\u{A1}\"")
  }

  /// `Value.quoted` as it was before the one quoter (HCL escapes, then Foundation's replacement
  /// of `${` and `%{`), with the fix: DEL and C1 controls escaped too, in lowercase hex.
  private func valueReference(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
          out += String(format: "\\u%04x", scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out = out.replacingOccurrences(of: "${", with: "$${").replacingOccurrences(of: "%{", with: "%%{")
    return out + "\""
  }

  /// Terraform's `toHCLQuotedString` (addrs) written out plainly, as the reference for the
  /// byte-scanning fast path and the template-introducer doubling.
  private func hclReference(_ s: String) -> String {
    var out = "\""
    let scalars = Array(s.unicodeScalars)
    for (i, r) in scalars.enumerated() {
      switch r {
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "$", "%":
        out.unicodeScalars.append(r)
        if i + 1 < scalars.count, scalars[i + 1] == "{" { out.unicodeScalars.append(r) }
      default:
        if StringQuoting.isPrintable(r) {
          out.unicodeScalars.append(r)
        } else {
          out += r.value < 0x10000 ? String(format: "\\u%04x", r.value) : String(format: "\\U%08x", r.value)
        }
      }
    }
    return out + "\""
  }

  func testHCLEdgeCasesMatchTheReference() {
    let samples = [
      "", "plain", "team/app", "a\"b", "back\\slash", "line\nbreak\r\n", "tab\there", "\u{1}\u{1F}",
      "${var}", "$${x}", "%{if}", "%%{y}", "$", "%", "{", "${", "%{", "$%{", "%${", "$$$${{", "x${", "}${",
      "é${x}", "naïve\n", "emoji 🎉 %{", "\u{7F}", "mixed \"${a}\" and %{b}\t\\", "\u{85}${", "\u{A0}%{",
    ]
    for sample in samples {
      XCTAssertEqual(StringQuoting.quote(sample, .hcl), hclReference(sample), "for \(hclReference(sample))")
      XCTAssertEqual(Value.quoted(sample), valueReference(sample), "for \(valueReference(sample))")
    }
  }

  func testRandomTextMatchesTheReference() {
    var generator = SystemRandomNumberGenerator()
    let alphabet = Array("ab$%{}\"\\\n\r\t\u{0}\u{1B}\u{7F}\u{80}\u{A0}é🎉 <&").map { String($0) }
    for _ in 0..<2_000 {
      let length = Int.random(in: 0...12, using: &generator)
      let sample = (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "" }.joined()
      XCTAssertEqual(StringQuoting.quote(sample, .hcl), hclReference(sample), "for \(hclReference(sample))")
      XCTAssertEqual(Value.quoted(sample), valueReference(sample), "for \(valueReference(sample))")
      var appended = "prefix"
      StringQuoting.quote(sample, .go, into: &appended)
      XCTAssertEqual(appended, "prefix" + StringQuoting.quote(sample, .go))
    }
  }

  // MARK: - JSON (state, JSON output, jsonencode)

  /// Go's `encoding/json` (Go 1.22+), which is what `terraform console` shows:
  /// `jsonencode("a\u0008b\u000cc<")` is `"a\bb\fc\u003c"`.
  func testJSONStyleEscapesAsGoEncodingJSON() {
    var out = ""
    StringQuoting.quote("a\u{08}b\u{0C}c<>&\u{2028}\u{01}\"\\\n\r\té", .json, into: &out)
    XCTAssertEqual(out, #""a\bb\fc\u003c\u003e\u0026\u2028\u0001\"\\\n\r\té""#)
    // DEL and C1 controls are left as they are: `jsonencode("x\u007fy\u0080z\u009f\u0001")`
    // is "x\u007fy\u0080z\u009f\\u0001" in Terraform, the first three raw.
    XCTAssertEqual(StringQuoting.quote("x\u{7F}y\u{80}z\u{9F}\u{01}${", .json), "\"x\u{7F}y\u{80}z\u{9F}\\u0001${\"")
  }

  func testJSONEncodeEscapesTheSameWay() {
    let parsed = Parser.parseExpression(Array(#"jsonencode("a\u0008b<")"#.utf8), filename: "t")
    XCTAssertEqual(parsed.diagnostics, [])
    let (value, diagnostics) = Evaluator.evaluate(parsed.expression, in: EvalContext())
    XCTAssertEqual(diagnostics, [])
    XCTAssertEqual(value.description, #""\"a\\bb\\u003c\"""#)
  }
}
