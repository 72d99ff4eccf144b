import XCTest

@testable import GitformCore

/// Conformance corpus: each expression with the result `terraform console` (1.11) gives for it,
/// written the way `Value.description` writes values, or `!summary: detail` for an error.
/// The cases come from Terraform's and cty's own function tests plus edge cases; every one was
/// run through `terraform console` while written. Where gitform differs, a comment says why.
final class YAMLCorpusTests: FunctionCorpusTestCase {
  func testEncode() {
    check([
      (#"yamlencode({a = 1, b = [1, "x"], c = "multi\nline\n"})"#, #""\"a\": 1\n\"b\":\n- 1\n- \"x\"\n\"c\": |\n  multi\n  line\n""#),
      (#"yamlencode(1)"#, #""1\n...\n""#),
      (#"yamlencode("x")"#, #""\"x\"\n""#),
      (#"yamlencode(true)"#, #""true\n...\n""#),
      (#"yamlencode(null)"#, #""null\n...\n""#),
      (#"yamlencode([])"#, #""[]\n""#),
      (#"yamlencode({})"#, #""{}\n""#),
      (#"yamlencode([[]])"#, #""- []\n""#),
      (#"yamlencode({a = {}, b = []})"#, #""\"a\": {}\n\"b\": []\n""#),
      (#"yamlencode([1, [2, 3], {a = 1, b = [4]}])"#, #""- 1\n- - 2\n  - 3\n- \"a\": 1\n  \"b\":\n  - 4\n""#),
      (#"yamlencode([[1, 2], [3]])"#, #""- - 1\n  - 2\n- - 3\n""#),
      (#"yamlencode({a = {b = {c = "d"}}})"#, #""\"a\":\n  \"b\":\n    \"c\": \"d\"\n""#),
      (#"yamlencode({a = [{b = 1, c = 2}, {d = [1]}]})"#, #""\"a\":\n- \"b\": 1\n  \"c\": 2\n- \"d\":\n  - 1\n""#),
      (#"yamlencode("a\nb")"#, #""|-\n  a\n  b\n""#),
      (#"yamlencode("a\n\n")"#, #""|+\n  a\n\n""#),
      (#"yamlencode({a = "a\n\n"})"#, #""\"a\": |+\n  a\n\n""#),
      (#"yamlencode("\na")"#, #""|2-\n\n  a\n""#),
      (#"yamlencode(" a\nb")"#, #""|2-\n   a\n  b\n""#),
      (#"yamlencode("a \nb")"#, #""\"a \\nb\"\n""#),
      (#"yamlencode("a\nb ")"#, #""\"a\\nb \"\n""#),
      (#"yamlencode("tab\there\n")"#, #""\"tab\\there\\n\"\n""#),
      (#"yamlencode("é ü 😀 \u0085 \u00a0 \u2028")"#, #""\"é ü \\U0001F600 \\N   \\L\"\n""#),
      (#"yamlencode("\u0001\u001b\u007f")"#, #""\"\\x01\\e\\x7F\"\n""#),
      (#"yamlencode("quote \" and \\ backslash")"#, #""\"quote \\\" and \\\\ backslash\"\n""#),
      (#"yamlencode("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.")"#, #""\"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt\n  ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation\n  ullamco laboris nisi ut aliquip ex ea commodo consequat.\"\n""#),
      (#"yamlencode({key = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua."})"#, #""\"key\": \"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor\n  incididunt ut labore et dolore magna aliqua.\"\n""#),
      (#"yamlencode({a = {b = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore."}})"#, #""\"a\":\n  \"b\": \"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor\n    incididunt ut labore.\"\n""#),
      (#"yamlencode(["Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore."])"#, #""- \"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor\n  incididunt ut labore.\"\n""#),
      (#"yamlencode("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bb  cc")"#, #""\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n  bb  cc\"\n""#),
      (#"yamlencode("word word word word word word word word word word word word word word word  word  word word word")"#, #""\"word word word word word word word word word word word word word word word  word\n  \\ word word word\"\n""#),
      (#"yamlencode({"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua." = 1})"#, #""\"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.\": 1\n""#),
      (#"yamlencode({"a\nb" = 1})"#, #""? |-\n  a\n  b\n: 1\n""#),
      (#"yamlencode({"" = ""})"#, #""\"\": \"\"\n""#),
      (#"yamlencode(1.5)"#, #""1.5\n...\n""#),
      (#"yamlencode(-0.25)"#, #""-0.25\n...\n""#),
      (#"yamlencode(12345678901234567890)"#, #""12345678901234567890\n...\n""#),
      (#"yamlencode({n = null, t = true, f = false, num = 1e3})"#, #""\"f\": false\n\"n\": null\n\"num\": 1000\n\"t\": true\n""#),
      (#"yamlencode(tolist(["a", "b"]))"#, #""- \"a\"\n- \"b\"\n""#),
      (#"yamlencode(toset(["b", "a"]))"#, #""- \"a\"\n- \"b\"\n""#),
      (#"yamlencode(tomap({a = "x"}))"#, #""\"a\": \"x\"\n""#),
      (#"yamlencode("null")"#, #""\"null\"\n""#),
      (#"yamlencode("")"#, #""\"\"\n""#),
      (#"yamlencode("- a")"#, #""\"- a\"\n""#),
      (#"yamlencode({"key with spaces" = "v", "x:y" = "z"})"#, #""\"key with spaces\": \"v\"\n\"x:y\": \"z\"\n""#),
      (#"yamlencode({a = "x\n", b = 1})"#, #""\"a\": |\n  x\n\"b\": 1\n""#),
      (#"yamlencode([{}])"#, #""- {}\n""#),
      (#"yamlencode({a = [[1]]})"#, #""\"a\":\n- - 1\n""#),
      (#"yamlencode("   ")"#, #""\"   \"\n""#),
      (#"yamlencode(" x ")"#, #""\" x \"\n""#),
      (#"yamlencode("x\r\ny")"#, #""\"x\\r\\ny\"\n""#),
      (#"yamlencode(["a\nb", "c"])"#, #""- |-\n  a\n  b\n- \"c\"\n""#),
      (#"yamlencode({a = ["a\nb"]})"#, #""\"a\":\n- |-\n  a\n  b\n""#),
    ])
  }
}
