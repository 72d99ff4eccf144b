import XCTest

@testable import GitformCore

/// Conformance corpus: each expression with the result `terraform console` (1.11) gives for it,
/// written the way `Value.description` writes values, or `!summary: detail` for an error.
/// The cases come from Terraform's and cty's own function tests plus edge cases; every one was
/// run through `terraform console` while written. Where gitform differs, a comment says why.
final class DecodingCorpusTests: FunctionCorpusTestCase {
  func testCSV() {
    check([
      (
        #"csvdecode("a,b,c\n1,2,3\n4,5,6")"#,
        #"tolist([{a = "1", b = "2", c = "3"}, {a = "4", b = "5", c = "6"}])"#
      ),
      (#"csvdecode("a,b\n1,2\n")"#, #"tolist([{a = "1", b = "2"}])"#),
      (#"csvdecode("a,b\r\n1,2\r\n")"#, #"tolist([{a = "1", b = "2"}])"#),
      (#"csvdecode("a,b\n\n1,2\n\n")"#, #"tolist([{a = "1", b = "2"}])"#),
      (#"csvdecode("a,b")"#, #"tolist([])"#),
      (
        #"csvdecode("")"#,
        #"!Error in function call: Call to function "csvdecode" failed: missing header line."#
      ),
      (
        #"csvdecode("\n\n")"#,
        #"!Error in function call: Call to function "csvdecode" failed: missing header line."#
      ),
      (
        #"csvdecode("a,a\n1,2")"#,
        #"!Error in function call: Call to function "csvdecode" failed: duplicate column name "a"."#
      ),
      (
        #"csvdecode("a,b\n1,2,3")"#,
        #"!Error in function call: Call to function "csvdecode" failed: CSV parse error on line 2: wrong number of fields."#
      ),
      (
        #"csvdecode("a,b\n1")"#,
        #"!Error in function call: Call to function "csvdecode" failed: CSV parse error on line 2: wrong number of fields."#
      ),
      (#"csvdecode("a,b\n\"x,y\",\"q\"\"r\"")"#, #"tolist([{a = "x,y", b = "q\"r"}])"#),
      (#"csvdecode("a,b\n\"multi\nline\",2")"#, #"tolist([{a = "multi\nline", b = "2"}])"#),
      (#"csvdecode("a,b\n\"multi\r\nline\",2")"#, #"tolist([{a = "multi\nline", b = "2"}])"#),
      (
        #"csvdecode("a,b\nx\"y,2")"#,
        #"!Error in function call: Call to function "csvdecode" failed: CSV parse error on line 2: bare " in non-quoted-field."#
      ),
      (
        #"csvdecode("a,b\n\"x\"y,2")"#,
        #"!Error in function call: Call to function "csvdecode" failed: CSV parse error on line 2: extraneous or missing " in quoted-field."#
      ),
      (
        #"csvdecode("a,b\n\"open,2")"#,
        #"!Error in function call: Call to function "csvdecode" failed: CSV parse error on line 2: extraneous or missing " in quoted-field."#
      ),
      (#"csvdecode("a,b\n ,  ")"#, #"tolist([{a = " ", b = "  "}])"#),
      (
        #"csvdecode("a,b\n1,2\n3,4,5")"#,
        #"!Error in function call: Call to function "csvdecode" failed: CSV parse error on line 3: wrong number of fields."#
      ),
      (#"csvdecode("a\n\n\nx\ny")"#, #"tolist([{a = "x"}, {a = "y"}])"#),
      (#"csvdecode("a,b\n,")"#, #"tolist([{a = "", b = ""}])"#),
      (#"csvdecode("\"a b\",c\n1,2")"#, #"tolist([{"a b" = "1", c = "2"}])"#),
      (#"csvdecode("a,b\n1,2\r")"#, #"tolist([{a = "1", b = "2"}])"#),
      // The console quotes a non-ASCII attribute name; the value is the same.
      (#"csvdecode("héllo,b\né,ü")"#, #"tolist([{b = "ü", héllo = "é"}])"#),
      (#"csvdecode(1)"#, #"tolist([])"#),
    ])
  }

  func testRegex() {
    check([
      (
        #"regex("(\\d)\\1", "11")"#,
        #"!Invalid function argument: Invalid value for "pattern" parameter: invalid regexp pattern: invalid escape sequence in \1."#
      ),
      (
        #"regex("a(?=b)", "ab")"#,
        #"!Invalid function argument: Invalid value for "pattern" parameter: invalid regexp pattern: invalid or unsupported Perl syntax in (?=."#
      ),
      (
        #"regex("a*+", "a")"#,
        #"!Invalid function argument: Invalid value for "pattern" parameter: invalid regexp pattern: invalid nested repetition operator in *+."#
      ),
      (
        #"regex("(?>a)", "a")"#,
        #"!Invalid function argument: Invalid value for "pattern" parameter: invalid regexp pattern: invalid or unsupported Perl syntax in (?>."#
      ),
      (
        #"regex("a{1001}", "a")"#,
        #"!Invalid function argument: Invalid value for "pattern" parameter: invalid regexp pattern: invalid repeat count in {1001}."#
      ),
      (
        #"regex("[z-a]", "a")"#,
        #"!Invalid function argument: Invalid value for "pattern" parameter: invalid regexp pattern: invalid character class range in z-a."#
      ),
      (
        #"regex("[a", "a")"#,
        #"!Invalid function argument: Invalid value for "pattern" parameter: invalid regexp pattern: missing closing ] in [a."#
      ),
      (
        #"regex("(a", "a")"#,
        #"!Invalid function argument: Invalid value for "pattern" parameter: invalid regexp pattern: missing closing ) in (a."#
      ),
      (
        #"regex("a)", "a")"#,
        #"!Invalid function argument: Invalid value for "pattern" parameter: invalid regexp pattern: unexpected ) in a)."#
      ),
      (
        #"regex("*", "a")"#,
        #"!Invalid function argument: Invalid value for "pattern" parameter: invalid regexp pattern: missing argument to repetition operator in *."#
      ),
      (
        #"regex("\\Z", "a")"#,
        #"!Invalid function argument: Invalid value for "pattern" parameter: invalid regexp pattern: invalid escape sequence in \Z."#
      ),
      (
        #"regex("(?P<x>a)(b)", "ab")"#,
        #"!Invalid function argument: Invalid value for "pattern" parameter: invalid regexp pattern: cannot mix both named and unnamed capture groups."#
      ),
      (
        #"regex("(?P<x>a", "ab")"#,
        #"!Invalid function argument: Invalid value for "pattern" parameter: invalid regexp pattern: missing closing ) in (?P<x>a."#
      ),
      (
        #"regex("(?P=x)", "ab")"#,
        #"!Invalid function argument: Invalid value for "pattern" parameter: invalid regexp pattern: invalid or unsupported Perl syntax in (?P."#
      ),
      (
        #"regex("a**", "a")"#,
        #"!Invalid function argument: Invalid value for "pattern" parameter: invalid regexp pattern: invalid nested repetition operator in **."#
      ),
      (
        #"regex("x", "y")"#,
        #"!Error in function call: Call to function "regex" failed: pattern did not match any part of the given string."#
      ),
      (
        #"regex("\\pX", "y")"#,
        #"!Invalid function argument: Invalid value for "pattern" parameter: invalid regexp pattern: invalid character class range in \pX."#
      ),
      (
        #"regex("(?#c)", "y")"#,
        #"!Invalid function argument: Invalid value for "pattern" parameter: invalid regexp pattern: invalid or unsupported Perl syntax in (?#."#
      ),
      (
        #"regex("(?<!a)b", "b")"#,
        #"!Invalid function argument: Invalid value for "pattern" parameter: invalid regexp pattern: invalid named capture in (?<!a)b."#
      ),
      (
        #"regex("[[:foo:]]", "b")"#,
        #"!Invalid function argument: Invalid value for "pattern" parameter: invalid regexp pattern: invalid character class range in [:foo:]."#
      ),
      (
        #"regex("\\8", "b")"#,
        #"!Invalid function argument: Invalid value for "pattern" parameter: invalid regexp pattern: invalid escape sequence in \8."#
      ),
      (#"regex("[a-z]+", "53453453.345345aaabbbccc23454")"#, #""aaabbbccc""#),
      (#"regex("(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)", "2019-02-01")"#, #"["2019", "02", "01"]"#),
      (
        #"regex("^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?", "https://terraform.io/docs/")"#,
        #"{authority = "terraform.io", scheme = "https"}"#
      ),
      (
        #"regex("[a-z]+", "53453453.34534523454")"#,
        #"!Error in function call: Call to function "regex" failed: pattern did not match any part of the given string."#
      ),
      (#"regex("(?P<a>a)|(?P<b>b)", "b")"#, #"{a = tostring(null), b = "b"}"#),
      (#"regex("(a)|(b)", "b")"#, #"[tostring(null), "b"]"#),
      (#"regex("", "abc")"#, #""""#),
      (#"regex("^$", "")"#, #""""#),
      (
        #"regex("a.c", "a\nc")"#,
        #"!Error in function call: Call to function "regex" failed: pattern did not match any part of the given string."#
      ),
      (#"regex("(?s)a.c", "a\nc")"#, #""a\nc""#),
      (
        #"regex("a$", "a\n")"#,
        #"!Error in function call: Call to function "regex" failed: pattern did not match any part of the given string."#
      ),
      (#"regex("(?m)a$", "a\nb")"#, #""a""#),
      (
        #"regex("^b", "a\nb")"#,
        #"!Error in function call: Call to function "regex" failed: pattern did not match any part of the given string."#
      ),
      (#"regex("(?m)^b", "a\nb")"#, #""b""#),
      (#"regex("\\d+", "٣3")"#, #""3""#),
      (#"regex("\\w+", "héllo")"#, #""h""#),
      (#"regex("\\bfoo\\b", "a foo b")"#, #""foo""#),
      (#"regex("\\s+", "a\u00a0 b")"#, #"" ""#),
      (#"regex("(?i)HELLO", "say hello")"#, #""hello""#),
      (#"regex("(?i:H)ello", "hello")"#, #""hello""#),
      (#"regex("(?U)a+", "aaa")"#, #""a""#),
      (#"regex("(?U)a+?", "aaa")"#, #""aaa""#),
      (#"regex("a{2,3}", "aaaa")"#, #""aaa""#),
      (#"regex("a{,3}", "a{,3}")"#, #""a{,3}""#),
      (#"regex("a{2", "a{2")"#, #""a{2""#),
      (#"regex("[[:alpha:]]+", "abc123")"#, #""abc""#),
      (#"regex("[[:^digit:]]+", "abc123")"#, #""abc""#),
      (#"regex("[^a-c]+", "abcdef")"#, #""def""#),
      (#"regex("[a\\-z]+", "a-z")"#, #""a-z""#),
      (#"regex("[]a]+", "]a]")"#, #""]a]""#),
      (#"regex("[a[]+", "[a[")"#, #""[a[""#),
      (#"regex("[a&&b]+", "a&&b")"#, #""a&&b""#),
      (#"regex("\\pL+", "héllo1")"#, #""héllo""#),
      (#"regex("\\p{Greek}+", "αβγ abc")"#, #""αβγ""#),
      (#"regex("\\PL+", "abc123")"#, #""123""#),
      (#"regex("\\Qa.b\\E", "axb a.b")"#, #""a.b""#),
      (#"regex("\\x41\\x{42}", "AB")"#, #""AB""#),
      (#"regex("\\101", "A")"#, #""A""#),
      (#"regex("\\.", "a.b")"#, #"".""#),
      (#"regex("a|b|", "c")"#, #""""#),
      (#"regex("(a*)+", "b")"#, #"[""]"#),
      (
        #"regex("(?i)straße", "STRASSE")"#,
        #"!Error in function call: Call to function "regex" failed: pattern did not match any part of the given string."#
      ),
      (#"regex("x*", "")"#, #""""#),
      (
        #"regex("(?P<first_name>\\w+) (?P<last_name>\\w+)", "Jane Doe")"#,
        #"{first_name = "Jane", last_name = "Doe"}"#
      ),
      (#"regex("(?P<x>a)(?P<x>b)", "ab")"#, #"{x = "b"}"#),
      (
        #"regex("(?P<>a)", "a")"#,
        #"!Invalid function argument: Invalid value for "pattern" parameter: invalid regexp pattern: invalid named capture in (?P<>."#
      ),
      (
        #"regex("(?P<a-b>a)", "a")"#,
        #"!Invalid function argument: Invalid value for "pattern" parameter: invalid regexp pattern: invalid named capture in (?P<a-b>."#
      ),
      (
        #"regex("(?i", "a")"#,
        #"!Invalid function argument: Invalid value for "pattern" parameter: invalid regexp pattern: invalid or unsupported Perl syntax in (?i."#
      ),
      (
        #"regex("(?-)", "a")"#,
        #"!Invalid function argument: Invalid value for "pattern" parameter: invalid regexp pattern: invalid or unsupported Perl syntax in (?-)."#
      ),
      (
        #"regex("\\", "a")"#,
        #"!Invalid function argument: Invalid value for "pattern" parameter: invalid regexp pattern: trailing backslash at end of expression in ."#
      ),
      (
        #"regex("\\x{110000}", "a")"#,
        #"!Invalid function argument: Invalid value for "pattern" parameter: invalid regexp pattern: invalid escape sequence in \x{110000."#
      ),
      (
        #"regex("\\p{Foo}", "a")"#,
        #"!Invalid function argument: Invalid value for "pattern" parameter: invalid regexp pattern: invalid character class range in \p{Foo}."#
      ),
      (#"regex("[\\d]+", "12a")"#, #""12""#),
      (
        #"regex("a{2}{3}", "aaaaaa")"#,
        #"!Invalid function argument: Invalid value for "pattern" parameter: invalid regexp pattern: invalid nested repetition operator in {2}{3}."#
      ),
      (#"regex("a+?b", "aab")"#, #""aab""#),
      (#"regex("(|a)*", "aa")"#, #"[""]"#),
      (#"regexall("[a-z]+", "1234abcd5678efgh9")"#, #"tolist(["abcd", "efgh"])"#),
      (#"regexall("[a-z]+", "123456789")"#, #"tolist([])"#),
      (#"regexall("(\\d)(\\w)", "1a2b3c")"#, #"tolist([["1", "a"], ["2", "b"], ["3", "c"]])"#),
      (
        #"regexall("(?P<k>\\w+)=(?P<v>\\w+)", "a=1, b=2")"#,
        #"tolist([{k = "a", v = "1"}, {k = "b", v = "2"}])"#
      ),
      (#"regexall("a*", "baaac")"#, #"tolist(["", "aaa", ""])"#),
      (#"regexall("", "abc")"#, #"tolist(["", "", "", ""])"#),
      (#"regexall("x*", "")"#, #"tolist([""])"#),
      (#"regexall("", "héllo")"#, #"tolist(["", "", "", "", "", ""])"#),
      (#"regexall("\\b", "ab cd")"#, #"tolist(["", "", "", ""])"#),
      (#"regexall("(a)|b", "ab")"#, #"tolist([["a"], [tostring(null)]])"#),
      (#"length(regexall("[a-z]+", "1234abcd5678efgh9"))"#, #"2"#),
      (
        #"regexall("(", "a")"#,
        #"!Invalid function argument: Invalid value for "pattern" parameter: invalid regexp pattern: missing closing ) in (."#
      ),
      (#"replace("hello", "/l+/", "L")"#, #""heLo""#),
      (#"replace("hello", "/(?P<x>l)/", "[$x]")"#, #""he[l][l]o""#),
      (
        #"replace("hello", "/\\1/", "x")"#,
        #"!Error in function call: Call to function "replace" failed: error parsing regexp: invalid escape sequence: `\1`."#
      ),
      (
        #"replace("hello", "/(/", "x")"#,
        #"!Error in function call: Call to function "replace" failed: error parsing regexp: missing closing ): `(`."#
      ),
      (#"replace("a.b", "/./", "x")"#, #""xxx""#),
      (#"replace("aaa", "/a*?/", "-")"#, #""-a-a-a-""#),
      (#"replace("hello world", "/(\\w+) (\\w+)/", "${2} $1")"#, #""2 hello""#),
      (#"replace("abc", "/(b)/", "$1x")"#, #""ac""#),
      (#"replace("abc", "/(b)/", "${1}x")"#, #""a1xc""#),
      (#"replace("abc", "/(b)/", "$$1")"#, #""a$1c""#),
      (#"replace("abc", "/(b)/", "$")"#, #""a$c""#),
      // The console writes `${` unescaped; gitform's rendering doubles the `$`. Same value.
      (#"replace("abc", "/(b)/", "$${1")"#, #""a$${1c""#),
      (#"replace("abc", "/(b)/", "$9")"#, #""ac""#),
      (#"replace("abc", "/(?P<n>b)/", "<$${n}>")"#, #""a<b>c""#),
      (#"replace("abc", "//", "-")"#, #""-a-b-c-""#),
      (#"regex("(?i)k", "\u212a")"#, #""K""#),
      (#"regex("(?i)[a-c]+", "ABC")"#, #""ABC""#),
      (#"regex("(?i)\\x41", "a")"#, #""a""#),
      (#"regex("(?i)é", "É")"#, #""É""#),
    ])
  }
}
