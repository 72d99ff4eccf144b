import XCTest

@testable import GitformCore

/// Quoted templates and heredocs: escapes, strip markers, directives, heredoc trimming.
final class TemplateParserTests: XCTestCase {
  private func parts(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
    let dumped = SyntaxTestSupport.expression(source, file: file, line: line)
    return dumped
  }

  /// The text of a literal-only template.
  private func text(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
    let (_, diagnostics) = SyntaxTestSupport.parse("x = " + source + "\n")
    XCTAssertEqual(SyntaxTestSupport.summaries(diagnostics), [], file: file, line: line)
    return SyntaxTestSupport.template(source)?.literalText
  }

  func testEscapes() {
    XCTAssertEqual(text(#""a\tb\\c\"d\u00e9\U0001F600\n\r""#), "a\tb\\c\"dé😀\n\r")
    XCTAssertEqual(text(#""$${x}""#), "${x}")
    XCTAssertEqual(text(#""%%{x}""#), "%{x}")
    XCTAssertEqual(text(#""$ and % and $x %y $$ %%""#), "$ and % and $x %y $$ %%")
    XCTAssertEqual(text(#""""#), "")
  }

  func testBadEscapes() {
    let (_, diagnostics) = SyntaxTestSupport.parse(#"x = "\u12 \U1234 \ud800 é\é""# + "\n")
    XCTAssertEqual(
      diagnostics.map { "\($0.detail) @ \(SyntaxTestSupport.rangeText($0.subject))" },
      [
        "The \\u escape sequence must be followed by four hexadecimal digits. @ 1:6-1:10@5-9",
        "The \\U escape sequence must be followed by eight hexadecimal digits. @ 1:11-1:17@10-16",
        "Cannot encode character U+d800 in UTF-8. @ 1:18-1:24@17-23",
        "The symbol \"é\" is not a valid escape sequence selector. @ 1:26-1:28@26-29",
      ])
  }

  func testInterpolationAndUnwrapping() {
    XCTAssertEqual(parts(#""${true}""#), "tmpl[${true}]")
    XCTAssertNotNil(SyntaxTestSupport.template(#""${true}""#)?.unwrapped)
    XCTAssertNil(SyntaxTestSupport.template(#""a${true}""#)?.unwrapped)
    XCTAssertEqual(parts(#""a${b}c${d.e}""#), #"tmpl["a", ${b}, "c", ${d.e}]"#)
    XCTAssertEqual(parts("\"${\n  hello\n}\""), "tmpl[${hello}]")
    XCTAssertEqual(parts(#""${ "${a}" }""#), "tmpl[${tmpl[${a}]}]")
  }

  func testStripMarkers() {
    XCTAssertEqual(parts(#""a ${~ "b" ~} c""#), #"tmpl["a", ${tmpl["b"]}, "c"]"#)
    XCTAssertEqual(parts(#""p\n  ${~ "q" ~}  \n r""#), #"tmpl["p", ${tmpl["q"]}, "r"]"#)
    // A stripped literal that becomes empty stays, so this does not unwrap (as in hcl).
    XCTAssertEqual(parts(#"" ${~ true}""#), #"tmpl["", ${true}]"#)
    XCTAssertNil(SyntaxTestSupport.template(#"" ${~ true}""#)?.unwrapped)
    XCTAssertNotNil(SyntaxTestSupport.template(#""${~ true ~}""#)?.unwrapped)
    XCTAssertEqual(parts(#""a %{~ if x ~} b %{~ endif ~} c""#), #"tmpl["a", %{if x}["b"]else[], "c"]"#)
  }

  func testDirectives() {
    XCTAssertEqual(
      parts(#""%{ if true }yes%{ else }no%{ endif }""#),
      #"tmpl[%{if true}["yes"]else["no"]]"#)
    XCTAssertEqual(
      parts(#""%{ for x in [1,2,3] }${x},%{ endfor }""#),
      #"tmpl[%{for x in [1, 2, 3]}[${x}, ","]]"#)
    XCTAssertEqual(
      parts(#""%{for k, v in m}%{if v}${k}%{endif}%{endfor}""#),
      "tmpl[%{for k, v in m}[%{if v}[${k}]else[]]]")
    guard case .loop(let loop)? = SyntaxTestSupport.template(#""%{for k, v in m}x%{endfor}""#)?.parts.first
    else { return XCTFail("not a loop") }
    XCTAssertEqual(loop.keyVariable?.name, "k")
    XCTAssertEqual(SyntaxTestSupport.rangeText(loop.range), "1:6-1:32@5-31")
  }

  func testDirectiveErrors() {
    func errors(_ source: String) -> [String] {
      SyntaxTestSupport.parse("x = " + source + "\n").1.map { "\($0.summary): \($0.detail)" }
    }
    XCTAssertEqual(
      errors(#""%{ if x }a""#),
      ["Unexpected end of template: The if directive at main.tf:1,6-15 is missing its corresponding endif directive."])
    XCTAssertEqual(
      errors(#""%{ endif }""#),
      ["Unexpected endif directive: The control directives within this template are unbalanced."])
    XCTAssertEqual(
      errors(#""%{ fi x }""#),
      ["Invalid template control keyword: \"fi\" is not a valid template control keyword. Did you mean \"if\"?"])
    XCTAssertEqual(
      errors(#""%{ for x in y }a%{ else }b%{ endfor }""#),
      [
        "Unexpected else directive: An else clause is not expected for a for directive.",
        "Unexpected endfor directive: The control directives within this template are unbalanced.",
      ])
    XCTAssertEqual(
      errors(#""%{ if x }a%{ else }b%{ else }c%{ endif }""#),
      [
        "Unexpected else directive: Already in the else clause for the if started at main.tf:1,6-15.",
        "Unexpected endif directive: The control directives within this template are unbalanced.",
      ])
    XCTAssertEqual(
      errors(#""${a b}""#).map { String($0.prefix(47)) },
      ["Extra characters after interpolation expression"])
    XCTAssertEqual(errors(#""%{ 1 }""#).map { String($0.prefix(26)) }, ["Invalid template directive"])
    XCTAssertEqual(errors(#""%{ if x y }a%{ endif }""#).map { String($0.prefix(29)) }, ["Extra characters in if marker"])
  }

  func testHeredocBasics() {
    XCTAssertEqual(text("<<EOT\nFoo\nBar\nEOT"), "Foo\nBar\n")
    XCTAssertEqual(text("<<EOT\n    Foo\n      Bar\n  EOT"), "    Foo\n      Bar\n")
    XCTAssertEqual(text("<<EOT\n    NOT EOT\n  EOT"), "    NOT EOT\n")
    XCTAssertEqual(text("<<EOT\nFoo\n\nBar\nEOT"), "Foo\n\nBar\n")
    XCTAssertEqual(text("<<EOT\nEOT"), "")
    XCTAssertEqual(text("<<EOT\r\na\r\nEOT"), "a\r\n")
    // Backslashes are literal in heredocs; template escapes still work.
    XCTAssertEqual(parts("<<EOT\na\\tb ${\"x\"} $${y}\nEOT"), #"tmpl["a\\tb ", ${tmpl["x"]}, " ${y}\n"]"#)
  }

  /// The flush-heredoc vectors of hcl's spec suite (`specsuite/tests/expressions/heredoc`).
  func testFlushHeredocTrimming() {
    XCTAssertEqual(text("<<-EOT\nFoo\nBar\nBaz\nEOT"), "Foo\nBar\nBaz\n")
    XCTAssertEqual(text("<<-EOT\n    Foo\n    Bar\n    Baz\n  EOT"), "Foo\nBar\nBaz\n")
    XCTAssertEqual(text("<<-EOT\n    Foo\n      Bar\n    Baz\n  EOT"), "Foo\n  Bar\nBaz\n")
    XCTAssertEqual(text("<<-EOT\n    Foo\n  Bar\n    Baz\n  EOT"), "  Foo\nBar\n  Baz\n")
    XCTAssertEqual(text("<<-EOT\n\tFoo\n  Bar\n  Baz\n  EOT"), "Foo\n Bar\n Baz\n")
    XCTAssertEqual(
      text("<<-EOT\n\u{2003}\u{2003}Foo (two em spaces)\n    Bar\n  EOT"), "Foo (two em spaces)\n  Bar\n")
    XCTAssertEqual(text("<<-EOT\nFoo\n\nBar\n\nBaz\nEOT"), "Foo\n\nBar\n\nBaz\n")
    XCTAssertEqual(text("<<-EOT\n    Foo\n\n    Bar\n\n    Baz\n  EOT"), "Foo\n\nBar\n\nBaz\n")
    XCTAssertEqual(parts("<<-EOT\n    Foo\n    ${bar}\n    Baz\n  EOT"), #"tmpl["Foo\n", ${bar}, "\nBaz\n"]"#)
    XCTAssertEqual(
      parts("<<-EOT\n    Foo\n      ${bar}\n    Baz\n  EOT"), #"tmpl["Foo\n  ", ${bar}, "\nBaz\n"]"#)
    XCTAssertEqual(
      parts("<<-EOT\n    Foo\n  ${space_bar}\n    Baz\n  EOT"),
      #"tmpl["  Foo\n", ${space_bar}, "\n  Baz\n"]"#)
    // A line that starts with an interpolation counts as zero leading spaces.
    XCTAssertEqual(parts("<<-EOT\n  a\n${b}\nEOT"), #"tmpl["  a\n", ${b}, "\n"]"#)
  }

  func testHeredocRanges() {
    let node = SyntaxTestSupport.node("<<-EOT\n    Foo\n  EOT")
    XCTAssertEqual(SyntaxTestSupport.rangeText(node?.range), "1:5-3:6@4-24")
    guard case .literal(_, let range)? = SyntaxTestSupport.template("<<-EOT\n    Foo\n  EOT")?.parts.first
    else { return XCTFail("no literal") }
    XCTAssertEqual(SyntaxTestSupport.rangeText(range), "2:5-3:1@15-19")
  }
}
