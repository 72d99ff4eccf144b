import XCTest

@testable import GitformCore

/// Conformance corpus: each expression with the result `terraform console` (1.11) gives for it,
/// written the way `Value.description` writes values, or `!summary: detail` for an error.
/// The cases come from Terraform's and cty's own function tests plus edge cases; every one was
/// run through `terraform console` while written. Where gitform differs, a comment says why.
final class YAMLCorpusTests: FunctionCorpusTestCase {
  func testEncode() {
    check([
      (
        #"yamlencode({a = 1, b = [1, "x"], c = "multi\nline\n"})"#,
        #""\"a\": 1\n\"b\":\n- 1\n- \"x\"\n\"c\": |\n  multi\n  line\n""#
      ),
      (#"yamlencode(1)"#, #""1\n...\n""#),
      (#"yamlencode("x")"#, #""\"x\"\n""#),
      (#"yamlencode(true)"#, #""true\n...\n""#),
      (#"yamlencode(null)"#, #""null\n...\n""#),
      (#"yamlencode([])"#, #""[]\n""#),
      (#"yamlencode({})"#, #""{}\n""#),
      (#"yamlencode([[]])"#, #""- []\n""#),
      (#"yamlencode({a = {}, b = []})"#, #""\"a\": {}\n\"b\": []\n""#),
      (
        #"yamlencode([1, [2, 3], {a = 1, b = [4]}])"#,
        #""- 1\n- - 2\n  - 3\n- \"a\": 1\n  \"b\":\n  - 4\n""#
      ),
      (#"yamlencode([[1, 2], [3]])"#, #""- - 1\n  - 2\n- - 3\n""#),
      (#"yamlencode({a = {b = {c = "d"}}})"#, #""\"a\":\n  \"b\":\n    \"c\": \"d\"\n""#),
      (
        #"yamlencode({a = [{b = 1, c = 2}, {d = [1]}]})"#,
        #""\"a\":\n- \"b\": 1\n  \"c\": 2\n- \"d\":\n  - 1\n""#
      ),
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
      (
        #"yamlencode("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.")"#,
        #""\"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt\n  ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation\n  ullamco laboris nisi ut aliquip ex ea commodo consequat.\"\n""#
      ),
      (
        #"yamlencode({key = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua."})"#,
        #""\"key\": \"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor\n  incididunt ut labore et dolore magna aliqua.\"\n""#
      ),
      (
        #"yamlencode({a = {b = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore."}})"#,
        #""\"a\":\n  \"b\": \"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor\n    incididunt ut labore.\"\n""#
      ),
      (
        #"yamlencode(["Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore."])"#,
        #""- \"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor\n  incididunt ut labore.\"\n""#
      ),
      (
        #"yamlencode("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bb  cc")"#,
        #""\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n  bb  cc\"\n""#
      ),
      (
        #"yamlencode("word word word word word word word word word word word word word word word  word  word word word")"#,
        #""\"word word word word word word word word word word word word word word word  word\n  \\ word word word\"\n""#
      ),
      (
        #"yamlencode({"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua." = 1})"#,
        #""\"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.\": 1\n""#
      ),
      (#"yamlencode({"a\nb" = 1})"#, #""? |-\n  a\n  b\n: 1\n""#),
      (#"yamlencode({"" = ""})"#, #""\"\": \"\"\n""#),
      (#"yamlencode(1.5)"#, #""1.5\n...\n""#),
      (#"yamlencode(-0.25)"#, #""-0.25\n...\n""#),
      (#"yamlencode(12345678901234567890)"#, #""12345678901234567890\n...\n""#),
      (
        #"yamlencode({n = null, t = true, f = false, num = 1e3})"#,
        #""\"f\": false\n\"n\": null\n\"num\": 1000\n\"t\": true\n""#
      ),
      (#"yamlencode(tolist(["a", "b"]))"#, #""- \"a\"\n- \"b\"\n""#),
      (#"yamlencode(toset(["b", "a"]))"#, #""- \"a\"\n- \"b\"\n""#),
      (#"yamlencode(tomap({a = "x"}))"#, #""\"a\": \"x\"\n""#),
      (#"yamlencode("null")"#, #""\"null\"\n""#),
      (#"yamlencode("")"#, #""\"\"\n""#),
      (#"yamlencode("- a")"#, #""\"- a\"\n""#),
      (
        #"yamlencode({"key with spaces" = "v", "x:y" = "z"})"#,
        #""\"key with spaces\": \"v\"\n\"x:y\": \"z\"\n""#
      ),
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

  func testDecode() {
    check([
      (#"yamldecode("hello: world")"#, #"{hello = "world"}"#),
      (#"yamldecode("a: 1\nb: [1, 2]\nc: {d: true}")"#, #"{a = 1, b = [1, 2], c = {d = true}}"#),
      (#"yamldecode("- a\n- b\n-   c")"#, #"["a", "b", "c"]"#),
      (
        #"yamldecode("")"#,
        #"!Error in function call: Call to function "yamldecode" failed: on line 1, column 1: missing start of document."#
      ),
      (
        ##"yamldecode("# comment only")"##,
        #"!Error in function call: Call to function "yamldecode" failed: on line 1, column 1: missing start of document."#
      ),
      (#"yamldecode("~")"#, #"null"#),
      (#"yamldecode("null")"#, #"null"#),
      (#"yamldecode("a:")"#, #"{a = null}"#),
      (#"yamldecode("yes")"#, #"true"#),
      (#"yamldecode("Off")"#, #"false"#),
      (#"yamldecode("y")"#, #"true"#),
      (#"yamldecode("TRUE")"#, #"true"#),
      (#"yamldecode("tRue")"#, #""tRue""#),
      (#"yamldecode("0x1F")"#, #"31"#),
      (#"yamldecode("0o17")"#, #"15"#),
      (#"yamldecode("017")"#, #"17"#),
      (#"yamldecode("0b101")"#, #""0b101""#),
      (#"yamldecode("1_000")"#, #""1_000""#),
      (#"yamldecode("1e3")"#, #"1000"#),
      (#"yamldecode("-.5")"#, #"-0.5"#),
      // Terraform gives +Inf; gitform's numbers have no infinities (see DecimalArithmetic).
      (
        #"yamldecode(".inf")"#,
        #"!Error in function call: Call to function "yamldecode" failed: infinity is not supported: gitform's numbers have no infinities."#
      ),
      (
        #"yamldecode(".nan")"#,
        #"!Error in function call: Call to function "yamldecode" failed: floating point NaN is not supported."#
      ),
      (#"yamldecode("+12")"#, #"12"#),
      (#"yamldecode("2001-12-14")"#, #""2001-12-14T00:00:00Z""#),
      (#"yamldecode("2001-12-14t21:59:43.10-05:00")"#, #""2001-12-14T21:59:43-05:00""#),
      (#"yamldecode("'2001-12-14'")"#, #""2001-12-14""#),
      // Checked with terraform console 1.11: Go's layouts, a zero offset written Z, a day the
      // month does not have left a string.
      (#"yamldecode("2024-02-31")"#, #""2024-02-31""#),
      (#"yamldecode("2024-1-2T3:4:5+00:00")"#, #""2024-01-02T03:04:05Z""#),
      (#"yamldecode("2024-01-02 03:04:05")"#, #""2024-01-02T03:04:05Z""#),
      (#"yamldecode("2024-01-02T03:04:05.5Z")"#, #""2024-01-02T03:04:05Z""#),
      (#"yamldecode("2024-01-02T03:04:05z")"#, #""2024-01-02T03:04:05z""#),
      (#"yamldecode("2024-01-02t03:04:05+01:00")"#, #""2024-01-02T03:04:05+01:00""#),
      (#"yamldecode("2024-01-02 03:04:05Z")"#, #""2024-01-02 03:04:05Z""#),
      (#"yamldecode("2024-01-02T03:04:60Z")"#, #""2024-01-02T03:04:60Z""#),
      (#"yamldecode("2024-01-02T24:04:05Z")"#, #""2024-01-02T24:04:05Z""#),
      (#"yamldecode("2024-13-02")"#, #""2024-13-02""#),
      (#"yamldecode("2024-01-02T03:04:05+0100")"#, #""2024-01-02T03:04:05+0100""#),
      (#"yamldecode("2024-01-02T03:04:05.1234567891-00:30")"#, #""2024-01-02T03:04:05-00:30""#),
      (
        #"yamldecode("!!timestamp 2024-02-31")"#,
        #"!Error in function call: Call to function "yamldecode" failed: cannot parse "2024-02-31" as tag:yaml.org,2002:timestamp."#
      ),
      (#"yamldecode("1.0")"#, #"1"#),
      (#"yamldecode("12345678901234567890123")"#, #"12345678901234567890123"#),
      (#"yamldecode("\"a\\tb\\u00e9\\x41\\n\"")"#, #""a\tbéA\n""#),
      (#"yamldecode("'it''s'")"#, #""it's""#),
      (#"yamldecode("plain text with: colon")"#, #"{"plain text with" = "colon"}"#),
      (
        #"yamldecode("a: b: c")"#,
        #"!Error in function call: Call to function "yamldecode" failed: mapping values are not allowed in this context."#
      ),
      (
        #"yamldecode("a: 'unterminated")"#,
        #"!Error in function call: Call to function "yamldecode" failed: found unexpected end of stream."#
      ),
      (
        #"yamldecode("[1, 2")"#,
        #"!Error in function call: Call to function "yamldecode" failed: on line 1, column 1: did not find expected ',' or ']'."#
      ),
      (
        #"yamldecode("{a: 1")"#,
        #"!Error in function call: Call to function "yamldecode" failed: on line 1, column 1: did not find expected ',' or '}'."#
      ),
      (
        #"yamldecode("a: 1\n b: 2")"#,
        #"!Error in function call: Call to function "yamldecode" failed: on line 2, column 1: mapping values are not allowed in this context."#
      ),
      (#"yamldecode("a: 1\na: 2")"#, #"{a = 2}"#),
      (
        #"yamldecode("---\na: 1\n---\nb: 2")"#,
        #"!Error in function call: Call to function "yamldecode" failed: on line 2, column 1: unexpected extra content after value."#
      ),
      (#"yamldecode("---\na: 1\n...")"#, #"{a = 1}"#),
      (#"yamldecode("--- 5")"#, #"5"#),
      (#"yamldecode("a: &x 1\nb: *x")"#, #"{a = 1, b = 1}"#),
      (#"yamldecode("a: &x {c: 1}\nb: *x")"#, #"{a = {c = 1}, b = {c = 1}}"#),
      (
        #"yamldecode("a: *y")"#,
        #"!Error in function call: Call to function "yamldecode" failed: reference to undefined anchor "y"."#
      ),
      (
        #"yamldecode("a: &x [*x]")"#,
        #"!Error in function call: Call to function "yamldecode" failed: cannot refer to anchor "x" from inside its own definition."#
      ),
      (#"yamldecode("!!str 123")"#, #""123""#),
      (#"yamldecode("!!int \"12\"")"#, #""12""#),
      (#"yamldecode("!!bool yes")"#, #"true"#),
      (#"yamldecode("!!float 1")"#, #"1"#),
      (#"yamldecode("!!null ''")"#, #""""#),
      (
        #"yamldecode("!custom x")"#,
        #"!Error in function call: Call to function "yamldecode" failed: unsupported tag "!custom"."#
      ),
      (#"yamldecode("!!binary aGVsbG8=")"#, #""aGVsbG8=""#),
      (
        #"yamldecode("!!binary not-base64!")"#,
        #"!Error in function call: Call to function "yamldecode" failed: cannot parse "not-base64!" as tag:yaml.org,2002:binary: not valid base64."#
      ),
      (#"yamldecode("!!map {a: 1}")"#, #"{a = 1}"#),
      (
        #"yamldecode("!!str {a: 1}")"#,
        #"!Error in function call: Call to function "yamldecode" failed: can't interpret mapping as tag:yaml.org,2002:str."#
      ),
      (#"yamldecode("!!seq [1]")"#, #"[1]"#),
      (
        #"yamldecode("!!map [1]")"#,
        #"!Error in function call: Call to function "yamldecode" failed: can't interpret sequence as tag:yaml.org,2002:map."#
      ),
      (#"yamldecode("!<tag:yaml.org,2002:str> 5")"#, #""5""#),
      (#"yamldecode("? a\n: b")"#, #"{a = "b"}"#),
      (
        #"yamldecode("[a, b]: c")"#,
        #"!Error in function call: Call to function "yamldecode" failed: only strings are allowed as mapping keys."#
      ),
      (
        #"yamldecode("1: one\ntrue: yes\nnull: x")"#,
        #"!Error in function call: Call to function "yamldecode" failed: on line 2, column 1: mapping key cannot be null."#
      ),
      (
        #"yamldecode("~: x")"#,
        #"!Error in function call: Call to function "yamldecode" failed: mapping key cannot be null."#
      ),
      (#"yamldecode("a: |\n  line1\n  line2\nb: 2")"#, #"{a = "line1\nline2\n", b = 2}"#),
      (#"yamldecode("a: |-\n  line1\n  line2\n")"#, #"{a = "line1\nline2"}"#),
      (#"yamldecode("a: |+\n  line1\n\n\nb: 1")"#, #"{a = "line1\n\n\n", b = 1}"#),
      (#"yamldecode("a: >\n  folded\n  text\n\n  para\n")"#, #"{a = "folded text\npara\n"}"#),
      (#"yamldecode("a: >-\n  folded\n    more\n  back\n")"#, #"{a = "folded\n  more\nback"}"#),
      (#"yamldecode("a: |2\n   indented\n")"#, #"{a = "indented\n"}"#),
      (#"yamldecode("- |\n  x\n- >\n  y\n  z")"#, #"["x\n", "y z"]"#),
      (#"yamldecode("key: multi\n  line\n  plain")"#, #"{key = "multi line plain"}"#),
      (#"yamldecode("\"multi\n  line\n\n  quoted\"")"#, #""multi line\nquoted""#),
      (#"yamldecode("'single\n  line'")"#, #""single line""#),
      (#"yamldecode("\"esc \\\n  aped\"")"#, #""esc aped""#),
      (#"yamldecode("- a: 1\n  b: 2\n- c: 3")"#, #"[{a = 1, b = 2}, {c = 3}]"#),
      (#"yamldecode("a:\n- 1\n- 2\nb: 3")"#, #"{a = [1, 2], b = 3}"#),
      (#"yamldecode("- - 1\n  - 2\n- 3")"#, #"[[1, 2], 3]"#),
      (#"yamldecode("a:\n  b:\n    c: d")"#, #"{a = {b = {c = "d"}}}"#),
      (#"yamldecode("[a, [b, c], {d: e}, f: g]")"#, #"["a", ["b", "c"], {d = "e"}, {f = "g"}]"#),
      (#"yamldecode("{a: [1, 2], b: {c: d}, e}")"#, #"{a = [1, 2], b = {c = "d"}, e = null}"#),
      (#"yamldecode("[ 'a', \"b\", c d ]")"#, #"["a", "b", "c d"]"#),
      (#"yamldecode("a: 1 # comment\n# full\nb: 2")"#, #"{a = 1, b = 2}"#),
      (#"yamldecode("a: x#y")"#, #"{a = "x#y"}"#),
      (
        #"yamldecode("a: \"x\" junk")"#,
        #"!Error in function call: Call to function "yamldecode" failed: did not find expected key."#
      ),
      (
        #"yamldecode("\ta: 1")"#,
        #"!Error in function call: Call to function "yamldecode" failed: found character that cannot start any token."#
      ),
      (
        #"yamldecode("a:\n\t- 1")"#,
        #"!Error in function call: Call to function "yamldecode" failed: on line 2, column 1: found character that cannot start any token."#
      ),
      (
        #"yamldecode("%YAML 1.2\n---\na: 1")"#,
        #"!Error in function call: Call to function "yamldecode" failed: found incompatible YAML document."#
      ),
      (
        #"yamldecode("%TAG ! tag:example.com,2000:\n---\n!foo x")"#,
        #"!Error in function call: Call to function "yamldecode" failed: on line 2, column 1: unsupported tag "tag:example.com,2000:foo"."#
      ),
      (#"yamldecode("a: [1,2,]")"#, #"{a = [1, 2]}"#),
      (
        #"yamldecode("- 1\n-2")"#,
        #"!Error in function call: Call to function "yamldecode" failed: on line 3, column 1: could not find expected ':'."#
      ),
      (
        #"yamldecode("- 1\na: 2")"#,
        #"!Error in function call: Call to function "yamldecode" failed: on line 1, column 1: did not find expected '-' indicator."#
      ),
      (
        #"yamldecode("a: 1\n- 2")"#,
        #"!Error in function call: Call to function "yamldecode" failed: on line 1, column 1: did not find expected key."#
      ),
      (
        #"yamldecode("@foo")"#,
        #"!Error in function call: Call to function "yamldecode" failed: found character that cannot start any token."#
      ),
      (
        #"yamldecode("`foo")"#,
        #"!Error in function call: Call to function "yamldecode" failed: found character that cannot start any token."#
      ),
      (
        #"yamldecode("a: -")"#,
        #"!Error in function call: Call to function "yamldecode" failed: block sequence entries are not allowed in this context."#
      ),
      (#"yamldecode("- -1")"#, #"[-1]"#),
      (#"yamldecode("? complex\n? key2")"#, #"{complex = null, key2 = null}"#),
      (#"yamldecode("a: [b: c]")"#, #"{a = [{b = "c"}]}"#),
      (
        #"yamldecode("\"\\q\"")"#,
        #"!Error in function call: Call to function "yamldecode" failed: found unknown escape character."#
      ),
      (#"yamldecode("a: {b}")"#, #"{a = {b = null}}"#),
      (
        #"yamldecode(": x")"#,
        #"!Error in function call: Call to function "yamldecode" failed: did not find expected key."#
      ),
      (#"yamldecode("key:    spaced   ")"#, #"{key = "spaced"}"#),
      (#"yamldecode("a: \"\"\nb: ''")"#, #"{a = "", b = ""}"#),
      (#"yamldecode("a: 'x'\n")"#, #"{a = "x"}"#),
      // Terraform keeps -0; gitform's numbers have no negative zero (see DecimalArithmetic).
      (#"yamldecode("a: 0\nb: -0\nc: 00\nd: 0.10")"#, #"{a = 0, b = 0, c = 0, d = 0.1}"#),
      (#"yamldecode("a: 9007199254740993")"#, #"{a = 9007199254740993}"#),
      // Terraform holds 1.5e+300; gitform's numbers stop near 1e127 (see DecimalArithmetic).
      (
        #"yamldecode("a: 1.5e+300")"#,
        #"!Error in function call: Call to function "yamldecode" failed: the number 1.5e+300 is beyond the range of gitform's numbers."#
      ),
      (#"yamldecode("0X1F")"#, #""0X1F""#),
      (#"yamldecode("-0x1F")"#, #""-0x1F""#),
      (#"yamldecode("0o8")"#, #""0o8""#),
      (#"yamldecode("0755")"#, #"755"#),
      (#"yamldecode("+0x10")"#, #""+0x10""#),
      (#"yamldecode("0x")"#, #""0x""#),
      (#"yamldecode("1__0")"#, #""1__0""#),
      (#"yamldecode("12e")"#, #""12e""#),
      (#"yamldecode(".5")"#, #"0.5"#),
      (#"yamldecode("1.")"#, #"1"#),
      (#"yamldecode("'12'")"#, #""12""#),
      (
        #"yamldecode("!custom 'x'")"#,
        #"!Error in function call: Call to function "yamldecode" failed: unsupported tag "!custom"."#
      ),
      (#"yamldecode("2001-12-14 21:59:43.10")"#, #""2001-12-14T21:59:43Z""#),
      (#"yamldecode("2001-1-2T3:4:5Z")"#, #""2001-01-02T03:04:05Z""#),
      (#"yamldecode("2001-12-14T21:59:43+01:00")"#, #""2001-12-14T21:59:43+01:00""#),
      (#"yamldecode("2001-13-14")"#, #""2001-13-14""#),
      (#"yamldecode("true: 1\n1.0: 2\n\"null\": 3")"#, #"{"1" = 2, null = 3, true = 1}"#),
      (#"yamldecode("- >\n  a\n\n  b\n   c\n  d\n")"#, #"["a\nb\n c\nd\n"]"#),
      (#"yamldecode("a: |\n\n  x\n\n")"#, #"{a = "\nx\n"}"#),
      (#"yamldecode("a: >+\n  x\n\nb: 1")"#, #"{a = "x\n\n", b = 1}"#),
      (#"yamldecode("|\n  a\n  b")"#, #""a\nb""#),
      (#"yamldecode("- |2\n   x")"#, #"[" x"]"#),
      (#"yamldecode("a:\n  - |1\n    x")"#, #"{a = [" x"]}"#),
      (#"yamldecode("a: &anchor\n  b: 1\nc: *anchor")"#, #"{a = {b = 1}, c = {b = 1}}"#),
      (#"yamldecode("[&a 1, *a]")"#, #"[1, 1]"#),
      (#"yamldecode("{? a : b}")"#, #"{a = "b"}"#),
      (#"yamldecode("a: \"x\\\"y\"")"#, #"{a = "x\"y"}"#),
      (
        #"yamldecode("\"\\U0001F600 \\N \\_ \\L \\e \\/ \\ \"")"#,
        #"!Error in function call: Call to function "yamldecode" failed: found unknown escape character."#
      ),
      (#"yamldecode("a: [\n  1,\n  2\n]")"#, #"{a = [1, 2]}"#),
      (#"yamldecode("a: 1\n...\n")"#, #"{a = 1}"#),
      (
        #"yamldecode("...")"#,
        #"!Error in function call: Call to function "yamldecode" failed: did not find expected node content."#
      ),
      (#"yamldecode("---")"#, #"null"#),
      (#"yamldecode("- ")"#, #"[null]"#),
      (
        #"yamldecode("a: b\n  c: d")"#,
        #"!Error in function call: Call to function "yamldecode" failed: on line 2, column 1: mapping values are not allowed in this context."#
      ),
    ])
  }

  func testDocuments() {
    check([
      (
        #"yamldecode(yamlencode({a = [1, "two", {three = true}], b = "multi\nline\n", c = null, d = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua."}))"#,
        #"{a = [1, "two", {three = true}], b = "multi\nline\n", c = null, d = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua."}"#
      ),
      (
        #"yamldecode(yamlencode(["é ü 😀", "tab\there", "  leading", "trailing  ", "\"quoted\""]))"#,
        #"["é ü 😀", "tab\there", "  leading", "trailing  ", "\"quoted\""]"#
      ),
      (
        ##"yamldecode("# config\nproject_tokens:\n  deploy:\n    scopes: [read_api, read_repository]\n    access_level: 30 # maintainer\n    expires_in_days: 90\n  ci:\n    scopes:\n      - api\n    access_level: 40\n")"##,
        #"{project_tokens = {ci = {access_level = 40, scopes = ["api"]}, deploy = {access_level = 30, expires_in_days = 90, scopes = ["read_api", "read_repository"]}}}"#
      ),
      (
        #"yamldecode("defaults: &defaults\n  level: 30\n  scopes: [api]\nbot:\n  <<: *defaults\n  name: bot")"#,
        #"{bot = {level = 30, name = "bot", scopes = ["api"]}, defaults = {level = 30, scopes = ["api"]}}"#
      ),
      (
        #"yamldecode("list:\n  - name: a\n    value: 1\n  -   name: b\n      value: 2\n")"#,
        #"{list = [{name = "a", value = 1}, {name = "b", value = 2}]}"#
      ),
      (#"yamldecode("a:\n  # comment between\n  b: 1\n\n\n  c: 2\n")"#, #"{a = {b = 1, c = 2}}"#),
      (
        #"yamldecode("a: 'single with ''quote'' and # hash'\nb: \"double with # hash\"")"#,
        #"{a = "single with 'quote' and # hash", b = "double with # hash"}"#
      ),
      (
        #"yamldecode("key with spaces: value with spaces  \nother: x")"#,
        #"{"key with spaces" = "value with spaces", other = "x"}"#
      ),
      (
        #"yamldecode("a: >\n  one\n  two\n\n  three\n  four\nb: |\n  keep\n    indent\n")"#,
        #"{a = "one two\nthree four\n", b = "keep\n  indent\n"}"#
      ),
      (#"yamldecode("-\n  a: 1\n-\n  - x\n")"#, #"[{a = 1}, ["x"]]"#),
      (
        #"yamldecode("? - complex\n: x")"#,
        #"!Error in function call: Call to function "yamldecode" failed: only strings are allowed as mapping keys."#
      ),
      (
        #"yamldecode("a: !!str 2024-01-01\nb: 2024-01-01")"#,
        #"{a = "2024-01-01", b = "2024-01-01T00:00:00Z"}"#
      ),
      (#"yamldecode("&a [1, 2]")"#, #"[1, 2]"#),
      (
        #"yamldecode("a: *a")"#,
        #"!Error in function call: Call to function "yamldecode" failed: reference to undefined anchor "a"."#
      ),
      (#"yamldecode("{a: 1, b: [2, 3], c: {d: e}}")"#, #"{a = 1, b = [2, 3], c = {d = "e"}}"#),
      (#"yamldecode("[1, [2, [3, [4]]]]")"#, #"[1, [2, [3, [4]]]]"#),
      (
        #"yamldecode("a: b\n---")"#,
        #"!Error in function call: Call to function "yamldecode" failed: on line 1, column 1: unexpected extra content after value."#
      ),
      (#"yamldecode("'multi\n\n  line'")"#, #""multi\nline""#),
      (
        #"yamldecode("a: [1, 2] junk")"#,
        #"!Error in function call: Call to function "yamldecode" failed: did not find expected key."#
      ),
      (#"yamldecode("- [a, b]\n- {c: d}\n- e")"#, #"[["a", "b"], {c = "d"}, "e"]"#),
      (
        #"yamldecode("a:\n  b: 1\n c: 2")"#,
        #"!Error in function call: Call to function "yamldecode" failed: on line 2, column 2: did not find expected key."#
      ),
      (
        #"yamldecode("a: \"unterminated\nb: 1")"#,
        #"!Error in function call: Call to function "yamldecode" failed: on line 2, column 1: found unexpected end of stream."#
      ),
      (#"yamldecode("\"a\": 1\n'b': 2")"#, #"{a = 1, b = 2}"#),
    ])
  }

  func testConfigurationShapes() {
    check([
      (#"yamldecode("a: # comment\nb: 1")"#, #"{a = null, b = 1}"#),
      (#"yamldecode("a:   \n  - x   # c\n  - 'y' # c\n")"#, #"{a = ["x", "y"]}"#),
      (#"yamldecode("a: b # c\n   # indented comment\nd: e")"#, #"{a = "b", d = "e"}"#),
      (
        #"yamldecode("- name: deploy\n  scopes:\n    - read_api\n    - read_repository\n  expires_at: 2025-01-31\n")"#,
        #"[{expires_at = "2025-01-31T00:00:00Z", name = "deploy", scopes = ["read_api", "read_repository"]}]"#
      ),
      (
        #"yamldecode("tokens:\n  - {name: a, level: 30}\n  - {name: b, level: 40, scopes: [api, read_api]}")"#,
        #"{tokens = [{level = 30, name = "a"}, {level = 40, name = "b", scopes = ["api", "read_api"]}]}"#
      ),
      (#"yamldecode("a: \"x\"\r\nb: 'y'\r\nc: z\r\n")"#, #"{a = "x", b = "y", c = "z"}"#),
      (#"yamldecode("a: |\r\n  one\r\n  two\r\n")"#, #"{a = "one\ntwo\n"}"#),
      (#"yamldecode("\ufeffa: 1")"#, #"{a = 1}"#),
      (#"yamldecode("a: 1\n\n\n")"#, #"{a = 1}"#),
      (#"yamldecode("\n\n- 1\n\n- 2\n")"#, #"[1, 2]"#),
      (
        #"yamldecode("a:\n  - b:\n      c: 1\n    d: 2\n  - e")"#,
        #"{a = [{b = {c = 1}, d = 2}, "e"]}"#
      ),
      (
        #"yamldecode("x: &v value\ny: *v\nz: [*v, *v]")"#,
        #"{true = "value", x = "value", z = ["value", "value"]}"#
      ),
      (#"yamldecode("msg: \"line one\\nline two\"")"#, #"{msg = "line one\nline two"}"#),
      (
        #"yamldecode("url: http://example.com:8080/path")"#,
        #"{url = "http://example.com:8080/path"}"#
      ),
      (#"yamldecode("time: 12:30:45")"#, #"{time = "12:30:45"}"#),
      (#"yamldecode("version: 1.10")"#, #"{version = 1.1}"#),
      (#"yamldecode("version: \"1.10\"")"#, #"{version = "1.10"}"#),
      (
        #"yamldecode("empty_list: []\nempty_map: {}\nnull_value: null\ntilde: ~")"#,
        #"{empty_list = [], empty_map = {}, null_value = null, tilde = null}"#
      ),
      (#"yamldecode("path: C:\\Users\\x")"#, #"{path = "C:\\Users\\x"}"#),
      (#"yamldecode("- - - deep")"#, #"[[["deep"]]]"#),
      (#"yamldecode("a:\n    b: 1\n    c: 2\nd: 3")"#, #"{a = {b = 1, c = 2}, d = 3}"#),
      // The console writes a key holding a line break as a heredoc; the value is this one.
      (#"yamldecode("? |\n  block key\n: v")"#, #"{"block key\n" = "v"}"#),
      (#"yamldecode("key: >\n\n  starts after blank\n")"#, #"{key = "\nstarts after blank\n"}"#),
      (#"yamldecode("k: 'a''b'''")"#, #"{k = "a'b'"}"#),
      (#"yamldecode("k: \"\\x41\\u263A\"")"#, #"{k = "A☺"}"#),
    ])
  }
}
