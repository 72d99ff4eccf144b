import XCTest

@testable import GitformCore

/// The cases of hclwrite's own `TestFormat` (hashicorp/hcl `hclwrite/format_test.go`),
/// transcribed: the core algorithm without Terraform's rewrites, on fragments that need not
/// be whole valid files (a bare `( a+2 )` is fine for hclwrite's formatter).
final class FormatterHclwriteCasesTests: XCTestCase {
  static let cases: [(input: String, want: String)] = [
    ("", ""),
    ("a=1", "a = 1"),
    ("a=b.c", "a = b.c"),
    ("a=b[c]", "a = b[c]"),
    ("a=b()[c]", "a = b()[c]"),
    ("a=[\"hello\"][0]", "a = [\"hello\"][0]"),
    ("( a+2 )", "(a + 2)"),
    ("( a*2 )", "(a * 2)"),
    ("( a+-2 )", "(a + -2)"),
    ("( a*-2 )", "(a * -2)"),
    ("(-2+1)", "(-2 + 1)"),
    ("foo(1, -2,a*b, b,c)", "foo(1, -2, a * b, b, c)"),
    ("a=\"hello ${ name }\"", "a = \"hello ${name}\""),
    ("a=\"hello ${~ name ~}\"", "a = \"hello ${~name~}\""),
    ("b{}", "b {}"),
    ("\n\"${\nhello\n}\"\n", "\n\"${\n  hello\n}\"\n"),
    ("\nfoo(\n1,\n- 2,\na*b,\nb,\nc,\n)\n", "\nfoo(\n  1,\n  -2,\n  a * b,\n  b,\n  c,\n)\n"),
    ("[ [ ] ]", "[[]]"),
    ("\n[\n[\na\n]\n]\n", "\n[\n  [\n    a\n  ]\n]\n"),
    ("\n[[\na\n]]\n", "\n[[\n  a\n]]\n"),
    ("\n[[\n[\na\n]\n]]\n", "\n[[\n  [\n    a\n  ]\n]]\n"),
    // Degenerate case with asymmetrical brackets.
    ("\n[[\n[\na\n]]\n]\n", "\n[[\n  [\n    a\n  ]]\n]\n"),
    ("\nb {\na = 1\n}\n", "\nb {\n  a = 1\n}\n"),
    ("\na = 1\nbungle = 2\n", "\na      = 1\nbungle = 2\n"),
    ("\na = 1\n\nbungle = 2\n", "\na = 1\n\nbungle = 2\n"),
    ("\na = 1 # foo\nbungle = 2\n", "\na      = 1 # foo\nbungle = 2\n"),
    (
      "\na = 1 # foo\nbungle = \"bonce\" # baz\n",
      "\na      = 1       # foo\nbungle = \"bonce\" # baz\n"
    ),
    (
      "\n# here we go\na = 1 # foo\nbungle = \"bonce\" # baz\n",
      "\n# here we go\na      = 1       # foo\nbungle = \"bonce\" # baz\n"
    ),
    (
      "\nfoo {} # here we go\na = 1 # foo\nbungle = \"bonce\" # baz\n",
      "\nfoo {}           # here we go\na      = 1       # foo\nbungle = \"bonce\" # baz\n"
    ),
    (
      "\na = 1 # foo\nbungle = \"bonce\" # baz\nzebra = \"striped\" # baz\n",
      "\na      = 1         # foo\nbungle = \"bonce\"   # baz\nzebra  = \"striped\" # baz\n"
    ),
    (
      "\na = 1 # foo\nbungle = (\n    \"bonce\"\n) # baz\nzebra = \"striped\" # baz\n",
      "\na = 1 # foo\nbungle = (\n  \"bonce\"\n)                 # baz\nzebra = \"striped\" # baz\n"
    ),
    (
      "\na=\"apple\"# foo\nbungle=(# woo parens\n\"bonce\"\n)# baz\nzebra=\"striped\"# baz\n",
      "\na = \"apple\" # foo\nbungle = (  # woo parens\n  \"bonce\"\n)                 # baz\nzebra = \"striped\" # baz\n"
    ),
    (
      "\n𝒜 = 1 # foo\nbungle = \"🇬🇧\" # baz\nzebra = \"striped\" # baz\n",
      "\n𝒜      = 1         # foo\nbungle = \"🇬🇧\"       # baz\nzebra  = \"striped\" # baz\n"
    ),
  ]

  func testEveryHclwriteCase() {
    XCTAssertEqual(Self.cases.count, 33)
    for (index, testCase) in Self.cases.enumerated() {
      let tokens = Lexer.tokenize(Array(testCase.input.utf8), filename: "case.hcl").tokens
      let got = String(decoding: Formatter(rewrites: false).format(tokens), as: UTF8.self)
      XCTAssertEqual(got, testCase.want, "case \(index): \(testCase.input.debugDescription)")
    }
  }
}
