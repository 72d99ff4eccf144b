import XCTest

@testable import GitformCore

/// Conformance corpus: each expression with the result `terraform console` (1.11) gives for it,
/// written the way `Value.description` writes values, or `!summary: detail` for an error.
/// The cases come from Terraform's and cty's own function tests plus edge cases; every one was
/// run through `terraform console` while written. Where gitform differs, a comment says why.
final class FunctionCorpusTests: FunctionCorpusTestCase {
  func testStrings() {
    check([
      (#"chomp("hello\n")"#, #""hello""#),
      (#"chomp("hello\r\n")"#, #""hello""#),
      (#"chomp("hello\n\n\r\n")"#, #""hello""#),
      (#"chomp("hello\nworld")"#, #""hello\nworld""#),
      (#"chomp("\n")"#, #""""#),
      (#"chomp("")"#, #""""#),
      (#"startswith("hello world", "hello")"#, #"true"#),
      (#"startswith("hello world", "world")"#, #"false"#),
      (#"startswith("hello", "")"#, #"true"#),
      (#"startswith("", "x")"#, #"false"#),
      (#"endswith("hello world", "world")"#, #"true"#),
      (#"endswith("hello world", "hello")"#, #"false"#),
      (#"endswith("hello", "")"#, #"true"#),
      (#"strcontains("hello world", "o w")"#, #"true"#),
      (#"strcontains("hello world", "banana")"#, #"false"#),
      (#"strcontains("hello", "")"#, #"true"#),
      (#"strcontains("e\u0301", "e")"#, #"false"#),
      (#"strrev("hello")"#, #""olleh""#),
      (#"strrev("a")"#, #""a""#),
      (#"strrev("")"#, #""""#),
      (#"strrev("héllo")"#, #""olléh""#),
      // Terraform's console writes U+200D as \u200d; the value is the same.
      (#"strrev("👩‍👩‍👧‍👦🇬🇧x")"#, #""x🇬🇧👩‍👩‍👧‍👦""#),
      (#"trim("?!hello?!", "!?")"#, #""hello""#),
      (#"trim("foobar", "far")"#, #""oob""#),
      (#"trim("   hello! world.!  ", "! ")"#, #""hello! world.""#),
      (#"trim("xxx", "x")"#, #""""#),
      (#"trim("hello", "")"#, #""hello""#),
      (#"indent(2, "[\n  foo,\n  bar,\n]\n")"#, #""[\n    foo,\n    bar,\n  ]\n  ""#),
      (#"indent(4, "")"#, #""""#),
      (#"indent(0, "a\nb")"#, #""a\nb""#),
      // Terraform panics (strings: negative Repeat count); gitform refuses the argument.
      (
        #"indent(-1, "a")"#,
        #"!Invalid function argument: Invalid value for "spaces" parameter: value must be a whole number, between 0 and 1000000."#
      ),
      (
        #"indent(2.5, "a\nb")"#,
        #"!Error in function call: Call to function "indent" failed: value must be a whole number, between -9223372036854775808 and 9223372036854775807."#
      ),
      (#"urlencode("Hello World!")"#, #""Hello+World%21""#),
      (
        #"urlencode("foo:bar@localhost?foo=bar&bar=baz")"#,
        #""foo%3Abar%40localhost%3Ffoo%3Dbar%26bar%3Dbaz""#
      ),
      (
        #"urlencode("mailto:email?subject=this+is+my+subject")"#,
        #""mailto%3Aemail%3Fsubject%3Dthis%2Bis%2Bmy%2Bsubject""#
      ),
      (#"urlencode("~-_.")"#, #""~-_.""#),
      (#"urlencode("☃")"#, #""%E2%98%83""#),
      (#"urlencode("")"#, #""""#),
      (
        #"formatlist("Hello, %s!", ["Valentina", "Ander", "Olivia", "Sam"])"#,
        #"tolist(["Hello, Valentina!", "Hello, Ander!", "Hello, Olivia!", "Hello, Sam!"])"#
      ),
      (
        #"formatlist("%s, %s!", "Salutations", ["Valentina", "Ander", "Olivia", "Sam"])"#,
        #"tolist(["Salutations, Valentina!", "Salutations, Ander!", "Salutations, Olivia!", "Salutations, Sam!"])"#
      ),
      (#"formatlist("%s=%d", ["a", "b"], [1, 2])"#, #"tolist(["a=1", "b=2"])"#),
      (
        #"formatlist("%s=%d", ["a", "b"], [1, 2, 3])"#,
        #"!Invalid function argument: Invalid value for "args" parameter: argument 2 has length 3, which is inconsistent with argument 1 of length 2."#
      ),
      (#"formatlist("%s", [])"#, #"tolist([])"#),
      (#"formatlist("no args")"#, #"tolist(["no args"])"#),
      (#"formatlist("%s", "x")"#, #"tolist(["x"])"#),
      (
        #"formatlist("%d", ["x"])"#,
        #"!Error in function call: Call to function "formatlist" failed: error on format iteration 0: unsupported value for "%d" at 0: a number is required."#
      ),
      (#"formatlist("%s %s", toset(["b", "a"]), ["1", "2"])"#, #"tolist(["a 1", "b 2"])"#),
      (#"startswith(1, "1")"#, #"true"#),
      (
        #"strcontains("x", null)"#,
        #"!Invalid function argument: Invalid value for "substr" parameter: argument must not be null."#
      ),
    ])
  }

  func testLists() {
    check([
      (#"alltrue([true, true])"#, #"true"#),
      (#"alltrue([true, false])"#, #"false"#),
      (#"alltrue([])"#, #"true"#),
      (#"alltrue(["true", "true"])"#, #"true"#),
      (#"alltrue([true, null])"#, #"false"#),
      (
        #"alltrue(["x"])"#,
        #"!Invalid function argument: Invalid value for "list" parameter: a bool is required."#
      ),
      (#"alltrue(toset([true]))"#, #"true"#),
      (#"anytrue([false, true])"#, #"true"#),
      (#"anytrue([false, false])"#, #"false"#),
      (#"anytrue([])"#, #"false"#),
      (#"anytrue([null, true])"#, #"true"#),
      (#"anytrue([null])"#, #"false"#),
      (#"anytrue(["false", "true"])"#, #"true"#),
      (
        #"chunklist(["a", "b", "c", "d", "e"], 2)"#,
        #"tolist([tolist(["a", "b"]), tolist(["c", "d"]), tolist(["e"])])"#
      ),
      (
        #"chunklist(["a", "b", "c", "d", "e"], 1)"#,
        #"tolist([tolist(["a"]), tolist(["b"]), tolist(["c"]), tolist(["d"]), tolist(["e"])])"#
      ),
      (
        #"chunklist(["a", "b", "c", "d", "e"], 0)"#, #"tolist([tolist(["a", "b", "c", "d", "e"])])"#
      ),
      (#"chunklist(["a", "b"], 5)"#, #"tolist([tolist(["a", "b"])])"#),
      (#"chunklist([], 2)"#, #"tolist([])"#),
      (
        #"chunklist(["a"], -1)"#,
        #"!Error in function call: Call to function "chunklist" failed: the size argument must be positive."#
      ),
      (#"chunklist([1, "a"], 1)"#, #"tolist([tolist(["1"]), tolist(["a"])])"#),
      (
        #"chunklist(["a"], 1.5)"#,
        #"!Error in function call: Call to function "chunklist" failed: invalid size: value must be a whole number, between -9223372036854775808 and 9223372036854775807."#
      ),
      (#"coalescelist(["a", "b"], ["c", "d"])"#, #"["a", "b"]"#),
      (#"coalescelist([], ["c", "d"])"#, #"["c", "d"]"#),
      (
        #"coalescelist([], [])"#,
        #"!Error in function call: Call to function "coalescelist" failed: no non-null arguments."#
      ),
      (
        #"coalescelist(null, [1])"#,
        #"!Error in function call: Call to function "coalescelist" failed: coalescelist arguments must be lists or tuples."#
      ),
      (
        #"coalescelist(["a"], "b")"#,
        #"!Error in function call: Call to function "coalescelist" failed: coalescelist arguments must be lists or tuples."#
      ),
      (#"coalescelist([1, "a"], [2])"#, #"[1, "a"]"#),
      (
        #"coalescelist()"#,
        #"!Error in function call: Call to function "coalescelist" failed: at least one argument is required."#
      ),
      (#"compact(["a", "", "b", null, "c"])"#, #"tolist(["a", "b", "c"])"#),
      (#"compact([])"#, #"tolist([])"#),
      (#"compact(["", null])"#, #"tolist([])"#),
      (#"compact([1, 2])"#, #"tolist(["1", "2"])"#),
      (#"index(["a", "b", "c"], "b")"#, #"1"#),
      (
        #"index(["a", "b", "c"], "z")"#,
        #"!Error in function call: Call to function "index" failed: item not found."#
      ),
      (
        #"index([], "a")"#,
        #"!Error in function call: Call to function "index" failed: cannot search an empty list."#
      ),
      (
        #"index([1, 2, 3], "2")"#,
        #"!Error in function call: Call to function "index" failed: item not found."#
      ),
      (#"index([1, 2, 3], 2)"#, #"1"#),
      (
        #"index({a = 1}, 1)"#,
        #"!Error in function call: Call to function "index" failed: argument must be a list or tuple."#
      ),
      (
        #"index(toset(["a"]), "a")"#,
        #"!Error in function call: Call to function "index" failed: argument must be a list or tuple."#
      ),
      (#"one([])"#, #"null"#),
      (#"one(["hello"])"#, #""hello""#),
      (
        #"one(["hello", "goodbye"])"#,
        #"!Invalid function argument: Invalid value for "list" parameter: must be a list, set, or tuple value with either zero or one elements."#
      ),
      (#"one(toset([]))"#, #"null"#),
      (#"one(toset(["a"]))"#, #""a""#),
      (#"one(tolist([]))"#, #"null"#),
      (#"one([null])"#, #"null"#),
      (
        #"one("x")"#,
        #"!Invalid function argument: Invalid value for "list" parameter: must be a list, set, or tuple value with either zero or one elements."#
      ),
      (
        #"one({a = 1})"#,
        #"!Invalid function argument: Invalid value for "list" parameter: must be a list, set, or tuple value with either zero or one elements."#
      ),
      (#"range(3)"#, #"tolist([0, 1, 2])"#),
      (#"range(1, 4)"#, #"tolist([1, 2, 3])"#),
      (#"range(1, 8, 2)"#, #"tolist([1, 3, 5, 7])"#),
      (#"range(4, 1)"#, #"tolist([4, 3, 2])"#),
      (#"range(10, 5, -2)"#, #"tolist([10, 8, 6])"#),
      (#"range(0)"#, #"tolist([])"#),
      (#"range(1, 1)"#, #"tolist([])"#),
      (
        #"range(1, 0, 1)"#,
        #"!Invalid function argument: Invalid value for "params" parameter: end must be greater than start when step is positive."#
      ),
      (#"range(0, 1, 0.25)"#, #"tolist([0, 0.25, 0.5, 0.75])"#),
      (#"range(-3)"#, #"tolist([0, -1, -2])"#),
      (
        #"range(1, 2, 0)"#,
        #"!Error in function call: Call to function "range" failed: more than 1024 values were generated; either decrease the difference between start and end or use a smaller step."#
      ),
      (
        #"range()"#,
        #"!Error in function call: Call to function "range" failed: must have one, two, or three arguments."#
      ),
      (
        #"range(1, 2, 3, 4)"#,
        #"!Error in function call: Call to function "range" failed: must have one, two, or three arguments."#
      ),
      (
        #"range(1025)"#,
        #"!Error in function call: Call to function "range" failed: more than 1024 values were generated; either decrease the difference between start and end or use a smaller step."#
      ),
      (#"range(1024)[1023]"#, #"1023"#),
      (#"reverse([1, 2, 3])"#, #"[3, 2, 1]"#),
      (#"reverse(["a"])"#, #"["a"]"#),
      (#"reverse([])"#, #"[]"#),
      (#"reverse(tolist(["a", "b"]))"#, #"tolist(["b", "a"])"#),
      (#"reverse([1, "a", true])"#, #"[true, "a", 1]"#),
      (#"reverse(toset(["a", "b"]))"#, #"tolist(["b", "a"])"#),
      (
        #"reverse("abc")"#,
        #"!Invalid function argument: Invalid value for "list" parameter: can only reverse list or tuple values, not string."#
      ),
      (#"slice(["a", "b", "c", "d"], 1, 3)"#, #"["b", "c"]"#),
      (#"slice(["a", "b", "c", "d"], 0, 0)"#, #"[]"#),
      (#"slice(["a", "b", "c", "d"], 0, 4)"#, #"["a", "b", "c", "d"]"#),
      (#"slice(tolist(["a", "b"]), 1, 2)"#, #"tolist(["b"])"#),
      (#"slice([1, "a", true], 1, 3)"#, #"["a", true]"#),
      (
        #"slice(["a"], -1, 1)"#,
        #"!Invalid function argument: Invalid value for "start_index" parameter: start index must not be less than zero."#
      ),
      (
        #"slice(["a"], 0, 2)"#,
        #"!Invalid function argument: Invalid value for "end_index" parameter: end index must not be greater than the length of the list."#
      ),
      (
        #"slice(["a", "b"], 2, 1)"#,
        #"!Invalid function argument: Invalid value for "start_index" parameter: start index must not be greater than end index."#
      ),
      (
        #"slice(toset(["a"]), 0, 1)"#,
        #"!Invalid function argument: Invalid value for "list" parameter: cannot slice a set, because its elements do not have indices; explicitly convert to a list if the ordering of the result is not important."#
      ),
      (
        #"slice(["a"], 0.5, 1)"#,
        #"!Invalid function argument: Invalid value for "start_index" parameter: invalid start index: value must be a whole number, between -9223372036854775808 and 9223372036854775807."#
      ),
      (#"sort(["e", "d", "a", "x"])"#, #"tolist(["a", "d", "e", "x"])"#),
      (#"sort(["10", "9", "1"])"#, #"tolist(["1", "10", "9"])"#),
      (#"sort([3, 1, 2])"#, #"tolist(["1", "2", "3"])"#),
      (
        #"sort(["b", null])"#,
        #"!Error in function call: Call to function "sort" failed: given list element 1 is null; a null string cannot be sorted."#
      ),
      (#"sort([])"#, #"tolist([])"#),
      (#"sort(["é", "z", "Z", "a"])"#, #"tolist(["Z", "a", "z", "é"])"#),
      (#"sum([10, 13, 6, 4.5])"#, #"33.5"#),
      (
        #"sum([])"#,
        #"!Invalid function argument: Invalid value for "list" parameter: cannot sum an empty list."#
      ),
      (#"sum(["1", "2"])"#, #"3"#),
      (
        #"sum([1, "x"])"#,
        #"!Invalid function argument: Invalid value for "list" parameter: argument must be list, set, or tuple of number values."#
      ),
      (
        #"sum([1, null])"#,
        #"!Invalid function argument: Invalid value for "list" parameter: argument must be list, set, or tuple of number values."#
      ),
      (#"sum(toset([1, 2, 3]))"#, #"6"#),
      (
        #"sum({a = 1})"#,
        #"!Invalid function argument: Invalid value for "list" parameter: argument must be list, set, or tuple. Received object."#
      ),
      (
        #"sum("x")"#,
        #"!Invalid function argument: Invalid value for "list" parameter: cannot sum noniterable."#
      ),
      (#"sum([-1, 0.5])"#, #"-0.5"#),
      (#"zipmap(["a", "b"], [1, 2])"#, #"{a = 1, b = 2}"#),
      (#"zipmap(["a", "b"], [1, "b"])"#, #"{a = 1, b = "b"}"#),
      (#"zipmap([], [])"#, #"{}"#),
      (#"zipmap(["a", "a"], [1, 2])"#, #"{a = 2}"#),
      (
        #"zipmap(["a"], [1, 2])"#,
        #"!Error in function call: Call to function "zipmap" failed: number of keys (1) does not match number of values (2)."#
      ),
      (#"zipmap(["a", "b"], tolist([1, 2]))"#, #"tomap({"a" = 1, "b" = 2})"#),
      (
        #"zipmap(["a"], toset([1]))"#,
        #"!Error in function call: Call to function "zipmap" failed: values argument must be a list or tuple value."#
      ),
      (
        #"zipmap([null], [1])"#,
        #"!Error in function call: Call to function "zipmap" failed: keys list has null value at index 0."#
      ),
      (
        #"transpose({"a" = ["1", "2"], "b" = ["2", "3"]})"#,
        #"tomap({"1" = tolist(["a"]), "2" = tolist(["a", "b"]), "3" = tolist(["b"])})"#
      ),
      (#"transpose({})"#, #"tomap({})"#),
      (#"transpose({"a" = []})"#, #"tomap({})"#),
      (#"transpose({"a" = ["1"], "b" = [1]})"#, #"tomap({"1" = tolist(["a", "b"])})"#),
      (
        #"transpose({"a" = "x"})"#,
        #"!Invalid function argument: Invalid value for "values" parameter: element "a": list of string required."#
      ),
      (
        #"matchkeys(["i-123", "i-abc", "i-def"], ["us-west", "us-east", "us-east"], ["us-east"])"#,
        #"tolist(["i-abc", "i-def"])"#
      ),
      (#"matchkeys(["a", "b"], ["x", "y"], [])"#, #"tolist([])"#),
      (
        #"matchkeys(["a", "b"], ["x"], ["x"])"#,
        #"!Error in function call: Call to function "matchkeys" failed: length of keys and values should be equal."#
      ),
      (#"matchkeys(["a", "b"], [1, 2], ["2"])"#, #"tolist(["b"])"#),
      (#"matchkeys([1, 2], ["x", "y"], ["q"])"#, #"tolist([])"#),
      (
        #"matchkeys(["a"], [[1]], ["x"])"#,
        #"!Error in function call: Call to function "matchkeys" failed: keys and searchset must be of the same type."#
      ),
    ])
  }

  func testSets() {
    check([
      (#"setintersection(["a", "b"], ["b", "c"], ["b", "d"])"#, #"toset(["b"])"#),
      (#"setintersection(["a"], ["b"])"#, #"toset([])"#),
      (#"setintersection([1, 2], ["2"])"#, #"toset(["2"])"#),
      (#"setintersection([], ["a"])"#, #"toset([])"#),
      (#"setintersection(["a"])"#, #"toset(["a"])"#),
      (#"setunion(["a", "b"], ["b", "c"], ["d"])"#, #"toset(["a", "b", "c", "d"])"#),
      (#"setunion([], [])"#, #"toset([])"#),
      (#"setunion(["a"], [1])"#, #"toset(["1", "a"])"#),
      (
        #"setunion([1], [[1]])"#,
        #"!Error in function call: Call to function "setunion" failed: given sets must all have compatible element types."#
      ),
      (
        #"setunion(toset([1]), [true])"#,
        #"!Error in function call: Call to function "setunion" failed: given sets must all have compatible element types."#
      ),
      (#"setsubtract(["a", "b", "c"], ["a", "c"])"#, #"toset(["b"])"#),
      (#"setsubtract(["a"], [])"#, #"toset(["a"])"#),
      (#"setsubtract([], ["a"])"#, #"toset([])"#),
      (
        #"setsubtract(["a"])"#,
        #"!Not enough function arguments: Function "setsubtract" expects 2 argument(s). Missing value for "b"."#
      ),
      (
        #"setproduct(["development", "staging", "production"], ["app1", "app2"])"#,
        #"tolist([["development", "app1"], ["development", "app2"], ["staging", "app1"], ["staging", "app2"], ["production", "app1"], ["production", "app2"]])"#
      ),
      (#"setproduct(["a"], [])"#, #"tolist([])"#),
      (#"setproduct([], [])"#, #"tolist([])"#),
      (#"setproduct(toset(["a", "b"]), ["x"])"#, #"toset([["a", "x"], ["b", "x"]])"#),
      (#"setproduct(["a", 1], [true])"#, #"tolist([["a", true], ["1", true]])"#),
      (
        #"setproduct(["a"])"#,
        #"!Error in function call: Call to function "setproduct" failed: at least two arguments are required."#
      ),
      (
        #"setproduct("a", ["b"])"#,
        #"!Invalid function argument: Invalid value for "sets" parameter: a set or a list is required."#
      ),
      (#"setproduct([1, "a"], [[1]])"#, #"tolist([["1", [1]], ["a", [1]]])"#),
      (#"setproduct(["a"], [{a = 1}, {a = 2}])"#, #"tolist([["a", {a = 1}], ["a", {a = 2}]])"#),
    ])
  }

  func testNumbers() {
    check([
      (#"ceil(5.1)"#, #"6"#),
      (#"ceil(5)"#, #"5"#),
      (#"ceil(-1.5)"#, #"-1"#),
      (#"ceil(0)"#, #"0"#),
      (#"floor(4.9)"#, #"4"#),
      (#"floor(-1.5)"#, #"-2"#),
      (#"floor(5)"#, #"5"#),
      (#"signum(-13)"#, #"-1"#),
      (#"signum(0)"#, #"0"#),
      (#"signum(344)"#, #"1"#),
      (
        #"signum(-0.5)"#,
        #"!Error in function call: Call to function "signum" failed: value must be a whole number, between -9223372036854775808 and 9223372036854775807."#
      ),
      (#"pow(3, 2)"#, #"9"#),
      (#"pow(4, 0)"#, #"1"#),
      (#"pow(2, 0.5)"#, #"1.4142135623730951"#),
      (#"pow(2, -2)"#, #"0.25"#),
      (#"pow(3, 40)"#, #"12157665459056929000"#),
      (#"pow(0, 0)"#, #"1"#),
      // Terraform panics (Float.SetFloat64(NaN)); gitform reports the call as failed.
      (
        #"pow(-8, 0.5)"#,
        #"!Error in function call: Call to function "pow" failed: the result is not a number, which gitform's numbers cannot hold."#
      ),
      // Terraform gives +Inf; gitform's numbers have no infinities (see DecimalArithmetic).
      (
        #"pow(10, 400)"#,
        #"!Error in function call: Call to function "pow" failed: the result is infinite, which gitform's numbers cannot hold."#
      ),
      (#"log(50, 10)"#, #"1.6989700043360185"#),
      (#"log(16, 2)"#, #"4"#),
      (#"log(1, 10)"#, #"0"#),
      (#"log(10, 3)"#, #"2.095903274289385"#),
      // Terraform gives -Inf; gitform's numbers have no infinities (see DecimalArithmetic).
      (
        #"log(0, 10)"#,
        #"!Error in function call: Call to function "log" failed: the result is infinite, which gitform's numbers cannot hold."#
      ),
      // Terraform panics (Float.SetFloat64(NaN)); gitform reports the call as failed.
      (
        #"log(-1, 10)"#,
        #"!Error in function call: Call to function "log" failed: the result is not a number, which gitform's numbers cannot hold."#
      ),
      (#"parseint("100", 10)"#, #"100"#),
      (#"parseint("FF", 16)"#, #"255"#),
      (#"parseint("ff", 16)"#, #"255"#),
      (#"parseint("-10", 16)"#, #"-16"#),
      (#"parseint("+10", 2)"#, #"2"#),
      (#"parseint("11", 2)"#, #"3"#),
      (#"parseint("zz", 36)"#, #"1295"#),
      (#"parseint("Zz", 62)"#, #"3817"#),
      (#"parseint("aA", 62)"#, #"656"#),
      (
        #"parseint("12", 2)"#,
        #"!Invalid function argument: Invalid value for "number" parameter: cannot parse "12" as a base 2 integer."#
      ),
      (
        #"parseint("", 10)"#,
        #"!Invalid function argument: Invalid value for "number" parameter: cannot parse "" as a base 10 integer."#
      ),
      (
        #"parseint("1_000", 10)"#,
        #"!Invalid function argument: Invalid value for "number" parameter: cannot parse "1_000" as a base 10 integer."#
      ),
      (
        #"parseint("0x10", 16)"#,
        #"!Invalid function argument: Invalid value for "number" parameter: cannot parse "0x10" as a base 16 integer."#
      ),
      (
        #"parseint("10", 1)"#,
        #"!Invalid function argument: Invalid value for "base" parameter: base must be a whole number between 2 and 62 inclusive."#
      ),
      (
        #"parseint("10", 63)"#,
        #"!Invalid function argument: Invalid value for "base" parameter: base must be a whole number between 2 and 62 inclusive."#
      ),
      (
        #"parseint("10", 10.5)"#,
        #"!Invalid function argument: Invalid value for "base" parameter: value must be a whole number, between -9223372036854775808 and 9223372036854775807."#
      ),
      (
        #"parseint(10, 10)"#,
        #"!Invalid function argument: Invalid value for "number" parameter: first argument must be a string, not number."#
      ),
      (#"parseint("9223372036854775808", 10)"#, #"9223372036854775808"#),
      (#"parseint("123456789012345678901234567890", 10)"#, #"123456789012345678901234567890"#),
    ])
  }

  func testEncodings() {
    check([
      (#"md5("")"#, #""d41d8cd98f00b204e9800998ecf8427e""#),
      (#"md5("a")"#, #""0cc175b9c0f1b6a831c399e269772661""#),
      (#"md5("abc")"#, #""900150983cd24fb0d6963f7d28e17f72""#),
      (#"md5("message digest")"#, #""f96b697d7cb7938d525a2f31aaf161d0""#),
      (#"md5("hello world")"#, #""5eb63bbbe01eeed093cb22bb8f5acdc3""#),
      (#"md5("é")"#, #""66ddcd97cfdeabb2f6fb8a999b4bc76f""#),
      (#"sha1("")"#, #""da39a3ee5e6b4b0d3255bfef95601890afd80709""#),
      (#"sha1("abc")"#, #""a9993e364706816aba3e25717850c26c9cd0d89d""#),
      (#"sha1("test")"#, #""a94a8fe5ccb19ba61c4c0873d391e987982fbbd3""#),
      (
        #"sha1("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")"#,
        #""84983e441c3bd26ebaae4aa1f95129e5e54670f1""#
      ),
      (#"sha256("")"#, #""e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""#),
      (#"sha256("abc")"#, #""ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad""#),
      (#"sha256("test")"#, #""9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08""#),
      (
        #"sha512("")"#,
        #""cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e""#
      ),
      (
        #"sha512("abc")"#,
        #""ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f""#
      ),
      (
        #"sha512("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")"#,
        #""8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909""#
      ),
      (
        #"sha512("test")"#,
        #""ee26b0dd4af7e749aa1a8ee3c10ae9923f618980772e473f8819a5d4940e0db27ac185f8a0e1d5f84f88bc887fd67b143732c304cc5fa9ad8e6f57f50028a8ff""#
      ),
      (#"base64sha256("test")"#, #""n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=""#),
      (#"base64sha256("")"#, #""47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=""#),
      (
        #"base64sha512("test")"#,
        #""7iaw3Ur350mqGo7jwQrpkj9hiYB3Lkc/iBml1JQODbJ6wYX4oOHV+E+IvIh/1nsUNzLDBMxfqa2Ob1f1ACio/w==""#
      ),
      (#"base64encode("")"#, #""""#),
      (#"base64encode("f")"#, #""Zg==""#),
      (#"base64encode("fo")"#, #""Zm8=""#),
      (#"base64encode("foo")"#, #""Zm9v""#),
      (#"base64encode("foob")"#, #""Zm9vYg==""#),
      (#"base64encode("fooba")"#, #""Zm9vYmE=""#),
      (#"base64encode("foobar")"#, #""Zm9vYmFy""#),
      (#"base64encode("abc123!?$*&()'-=@~")"#, #""YWJjMTIzIT8kKiYoKSctPUB+""#),
      (#"base64encode("☃")"#, #""4piD""#),
      (#"base64decode("")"#, #""""#),
      (#"base64decode("Zg==")"#, #""f""#),
      (#"base64decode("Zm8=")"#, #""fo""#),
      (#"base64decode("Zm9vYmFy")"#, #""foobar""#),
      (#"base64decode("YWJjMTIzIT8kKiYoKSctPUB+")"#, #""abc123!?$*&()'-=@~""#),
      (
        #"base64decode("dGVzdA")"#,
        #"!Error in function call: Call to function "base64decode" failed: failed to decode base64 data "dGVzdA"."#
      ),
      (#"base64decode("dGVz\ndA==")"#, #""test""#),
      (#"base64decode("dGVz\r\ndA==")"#, #""test""#),
      (
        #"base64decode("dGVzdA===")"#,
        #"!Error in function call: Call to function "base64decode" failed: failed to decode base64 data "dGVzdA==="."#
      ),
      (
        #"base64decode("dG=zdA==")"#,
        #"!Error in function call: Call to function "base64decode" failed: failed to decode base64 data "dG=zdA=="."#
      ),
      (
        #"base64decode("dGVz dA==")"#,
        #"!Error in function call: Call to function "base64decode" failed: failed to decode base64 data "dGVz dA=="."#
      ),
      (
        #"base64decode("/w==")"#,
        #"!Error in function call: Call to function "base64decode" failed: the result of decoding the provided string is not valid UTF-8."#
      ),
      (#"base64decode("4piD")"#, #""☃""#),
      // Terraform gives "H4sIAAAAAAAA/wAAAP//AQAA//8AAAAAAAAAAA==": both decompress to the same bytes, but gitform stores rather than compresses (see Gzip).
      (#"base64gzip("")"#, #""H4sIAAAAAAAA/wEAAP//AAAAAAAAAAA=""#),
      (#"textencodebase64("Hello World", "UTF-16LE")"#, #""SABlAGwAbABvACAAVwBvAHIAbABkAA==""#),
      (#"textencodebase64("Hello World", "UTF-16")"#, #""/v8ASABlAGwAbABvACAAVwBvAHIAbABk""#),
      (#"textencodebase64("Hello World", "utf-16be")"#, #""AEgAZQBsAGwAbwAgAFcAbwByAGwAZA==""#),
      (#"textencodebase64("Hello World", "UTF-8")"#, #""SGVsbG8gV29ybGQ=""#),
      (#"textencodebase64("Hello World", "US-ASCII")"#, #""SGVsbG8gV29ybGQ=""#),
      (
        #"textencodebase64("héllo", "US-ASCII")"#,
        #"!Invalid function argument: Invalid value for "string" parameter: the given string contains characters that cannot be represented in US-ASCII."#
      ),
      (#"textencodebase64("héllo", "ISO-8859-1")"#, #""aOlsbG8=""#),
      (
        #"textencodebase64("héllo€", "latin1")"#,
        #"!Invalid function argument: Invalid value for "string" parameter: the given string contains characters that cannot be represented in ISO_8859-1:1987."#
      ),
      (#"textencodebase64("héllo€", "windows-1252")"#, #""aOlsbG+A""#),
      (
        #"textencodebase64("x", "foo")"#,
        #"!Invalid function argument: Invalid value for "encoding" parameter: "foo" is not a supported IANA encoding name or alias in this Terraform version."#
      ),
      (#"textencodebase64("😀", "UTF-16LE")"#, #""PdgA3g==""#),
      (#"textdecodebase64("SABlAGwAbABvAA==", "UTF-16LE")"#, #""Hello""#),
      (
        #"textdecodebase64("SABlAGwAbABvAA=", "UTF-16LE")"#,
        #"!Invalid function argument: Invalid value for "source" parameter: the given value is has an invalid base64 symbol at offset 15."#
      ),
      (
        #"textdecodebase64("/w==", "UTF-8")"#,
        #"!Invalid function argument: Invalid value for "source" parameter: the given string contains symbols that are not defined for UTF-8."#
      ),
      (
        #"textdecodebase64("gQ==", "windows-1252")"#,
        #"!Invalid function argument: Invalid value for "source" parameter: the given string contains symbols that are not defined for windows-1252."#
      ),
      (#"textdecodebase64("gA==", "windows-1252")"#, #""€""#),
      (#"textdecodebase64("/v8ASA==", "UTF-16")"#, #""H""#),
      (#"textdecodebase64("//5IAA==", "UTF-16")"#, #""H""#),
      (#"textdecodebase64("AEg=", "UTF-16")"#, #""H""#),
      (#"textdecodebase64("6Q==", "ISO-8859-1")"#, #""é""#),
      (
        #"textdecodebase64("6Q==", "US-ASCII")"#,
        #"!Invalid function argument: Invalid value for "source" parameter: the given string contains symbols that are not defined for US-ASCII."#
      ),
      (
        #"textdecodebase64("SGVsbG8=", "foo")"#,
        #"!Invalid function argument: Invalid value for "encoding" parameter: "foo" is not a supported IANA encoding name or alias in this Terraform version."#
      ),
      (
        #"textdecodebase64("S", "UTF-8")"#,
        #"!Invalid function argument: Invalid value for "source" parameter: the given value is has an invalid base64 symbol at offset 0."#
      ),
      (
        #"textdecodebase64("S!==", "UTF-8")"#,
        #"!Invalid function argument: Invalid value for "source" parameter: the given value is has an invalid base64 symbol at offset 1."#
      ),
      (#"uuidv5("dns", "www.example.com")"#, #""2ed6657d-e927-568b-95e1-2665a8aea6a2""#),
      (#"uuidv5("url", "https://www.example.com/")"#, #""3d3ed9d2-aa3d-5fa6-90e8-ed662e90f559""#),
      (#"uuidv5("oid", "1.2.3")"#, #""42d5e23b-3a02-5135-85c6-52d1102f1f00""#),
      (#"uuidv5("x500", "CN=Example")"#, #""fc36744a-3783-5ebd-aac6-5c7766b1e223""#),
      (
        #"uuidv5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com")"#,
        #""2ed6657d-e927-568b-95e1-2665a8aea6a2""#
      ),
      (
        #"uuidv5("6BA7B810-9DAD-11D1-80B4-00C04FD430C8", "www.example.com")"#,
        #""2ed6657d-e927-568b-95e1-2665a8aea6a2""#
      ),
      (
        #"uuidv5("{6ba7b810-9dad-11d1-80b4-00c04fd430c8}", "x")"#,
        #""05b16a01-46c6-56dd-bd6e-c6dfb4a1427a""#
      ),
      (
        #"uuidv5("urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8", "x")"#,
        #""05b16a01-46c6-56dd-bd6e-c6dfb4a1427a""#
      ),
      (
        #"uuidv5("6ba7b8109dad11d180b400c04fd430c8", "x")"#,
        #""05b16a01-46c6-56dd-bd6e-c6dfb4a1427a""#
      ),
      (
        #"uuidv5("foo", "x")"#,
        #"!Error in function call: Call to function "uuidv5" failed: uuidv5() doesn't support namespace foo (invalid UUID length: 3)."#
      ),
      (
        #"uuidv5("6ba7b810-9dad-11d1-80b4-00c04fd430cz", "x")"#,
        #"!Error in function call: Call to function "uuidv5" failed: uuidv5() doesn't support namespace 6ba7b810-9dad-11d1-80b4-00c04fd430cz (invalid UUID format)."#
      ),
      (
        #"uuidv5("6ba7b810x9dad-11d1-80b4-00c04fd430c8", "x")"#,
        #"!Error in function call: Call to function "uuidv5" failed: uuidv5() doesn't support namespace 6ba7b810x9dad-11d1-80b4-00c04fd430c8 (invalid UUID format)."#
      ),
      (
        #"uuidv5("DNS", "x")"#,
        #"!Error in function call: Call to function "uuidv5" failed: uuidv5() doesn't support namespace DNS (invalid UUID length: 3)."#
      ),
      (
        #"bcrypt("x", 32)"#,
        #"!Error in function call: Call to function "bcrypt" failed: error occured generating password crypto/bcrypt: cost 32 is outside allowed range (4,31)."#
      ),
      (
        #"bcrypt("0123456789012345678901234567890123456789012345678901234567890123456789abc")"#,
        #"!Error in function call: Call to function "bcrypt" failed: error occured generating password bcrypt: password length exceeds 72 bytes."#
      ),
      (
        #"bcrypt("x", 5, 6)"#,
        #"!Error in function call: Call to function "bcrypt" failed: bcrypt() takes no more than two arguments."#
      ),
      (#"length(bcrypt("hello", 4))"#, #"60"#),
      (#"substr(bcrypt("hello", 4), 0, 7)"#, #""$2a$04$""#),
      (#"substr(bcrypt("hello", 3), 0, 7)"#, #""$2a$10$""#),
      (#"length(uuid())"#, #"36"#),
      (#"urlencode(sensitive("x"))"#, #"(sensitive value)"#),
      (#"base64decode("QQ=\n=")"#, #""A""#),
      (
        #"base64decode("QQ==\nQQ==")"#,
        #"!Error in function call: Call to function "base64decode" failed: failed to decode base64 data "QQ==\nQQ=="."#
      ),
      (
        #"base64decode("QQ==x")"#,
        #"!Error in function call: Call to function "base64decode" failed: failed to decode base64 data "QQ==x"."#
      ),
      (
        #"base64decode("Q===")"#,
        #"!Error in function call: Call to function "base64decode" failed: failed to decode base64 data "Q==="."#
      ),
    ])
  }

  func testSensitivity() {
    check([
      (#"issensitive(sensitive("x"))"#, #"true"#),
      (#"issensitive("x")"#, #"false"#),
      (#"issensitive(null)"#, #"false"#),
      (#"issensitive(sensitive(null))"#, #"true"#),
      (#"issensitive([sensitive("x")])"#, #"false"#),
      (#"issensitive(nonsensitive(sensitive("x")))"#, #"false"#),
      (#"issensitive(md5(sensitive("x")))"#, #"true"#),
      (#"issensitive(upper(sensitive("x")))"#, #"true"#),
      (#"md5(sensitive("x"))"#, #"(sensitive value)"#),
      (#"ephemeralasnull("x")"#, #""x""#),
      (#"ephemeralasnull(null)"#, #"null"#),
      (#"ephemeralasnull(sensitive("x"))"#, #"(sensitive value)"#),
      (#"ephemeralasnull([1, 2])"#, #"[1, 2]"#),
      (
        #"issensitive()"#,
        #"!Not enough function arguments: Function "issensitive" expects 1 argument(s). Missing value for "value"."#
      ),
    ])
  }

  func testTerraformCollectionCases() {
    check([
      (#"matchkeys(["a", "b", "c"], ["ref1", "ref2", "ref3"], ["ref1"])"#, #"tolist(["a"])"#),
      (
        #"matchkeys(["a", "b", "c"], ["ref1", "ref2", "ref3"], ["ref2", "ref1"])"#,
        #"tolist(["a", "b"])"#
      ),
      (#"matchkeys(["a", "b", "c"], ["ref1", "ref2", "ref3"], ["ref4"])"#, #"tolist([])"#),
      (#"matchkeys(["a", "b", "c"], ["ref1", "ref2", "ref3"], [])"#, #"tolist([])"#),
      (#"matchkeys([], [], ["nope"])"#, #"tolist([])"#),
      (#"matchkeys([["a", "a"]], ["a"], ["a"])"#, #"tolist([["a", "a"]])"#),
      (#"matchkeys(["a"], [1], ["a"])"#, #"tolist([])"#),
      (
        #"matchkeys([{foo = "bar"}, {foo = "baz"}, {foo = "beep"}], ["a", "b", "c"], ["a", "c"])"#,
        #"tolist([{foo = "bar"}, {foo = "beep"}])"#
      ),
      (
        #"matchkeys(["a"], [["a"], ["a"]], ["a"])"#,
        #"!Error in function call: Call to function "matchkeys" failed: keys and searchset must be of the same type."#
      ),
      (
        #"matchkeys(["a"], ["a", "b"], ["a"])"#,
        #"!Error in function call: Call to function "matchkeys" failed: length of keys and values should be equal."#
      ),
      (#"one([1])"#, #"1"#),
      (#"one(tolist([]))"#, #"null"#),
      (
        #"one([1, 2, 3])"#,
        #"!Invalid function argument: Invalid value for "list" parameter: must be a list, set, or tuple value with either zero or one elements."#
      ),
      (#"one(toset([1]))"#, #"1"#),
      (
        #"one(toset([1, 2, 3]))"#,
        #"!Invalid function argument: Invalid value for "list" parameter: must be a list, set, or tuple value with either zero or one elements."#
      ),
      (
        #"one(tomap({}))"#,
        #"!Invalid function argument: Invalid value for "list" parameter: must be a list, set, or tuple value with either zero or one elements."#
      ),
      (
        #"one({})"#,
        #"!Invalid function argument: Invalid value for "list" parameter: must be a list, set, or tuple value with either zero or one elements."#
      ),
      (
        #"one(true)"#,
        #"!Invalid function argument: Invalid value for "list" parameter: must be a list, set, or tuple value with either zero or one elements."#
      ),
      (
        #"one(null)"#,
        #"!Invalid function argument: Invalid value for "list" parameter: argument must not be null."#
      ),
      (#"sum([1, 2, 3])"#, #"6"#),
      (#"sum([1476, 2093, 2092495, 64589234, 234])"#, #"66685532"#),
      (
        #"sum(["a", "b", "c"])"#,
        #"!Invalid function argument: Invalid value for "list" parameter: argument must be list, set, or tuple of number values."#
      ),
      (#"sum([10, -19, 5])"#, #"-4"#),
      (#"sum([10.2, 19.4, 5.7])"#, #"35.3"#),
      (#"sum([-10.2, -19.4, -5.7])"#, #"-35.3"#),
      (
        #"sum([null])"#,
        #"!Invalid function argument: Invalid value for "list" parameter: argument must be list, set, or tuple of number values."#
      ),
      (
        #"sum([5, null])"#,
        #"!Invalid function argument: Invalid value for "list" parameter: argument must be list, set, or tuple of number values."#
      ),
      (
        #"sum(toset(["a", "b", "c"]))"#,
        #"!Invalid function argument: Invalid value for "list" parameter: argument must be list, set, or tuple of number values."#
      ),
      (#"sum(toset([10, -19, 5]))"#, #"-4"#),
      (#"sum(toset([2340.8, 10.2, 3]))"#, #"2354"#),
      (
        #"sum([12, "a", 38])"#,
        #"!Invalid function argument: Invalid value for "list" parameter: argument must be list, set, or tuple of number values."#
      ),
      (
        #"sum(12)"#,
        #"!Invalid function argument: Invalid value for "list" parameter: cannot sum noniterable."#
      ),
      (
        #"sum(tolist([]))"#,
        #"!Invalid function argument: Invalid value for "list" parameter: cannot sum an empty list."#
      ),
      (
        #"sum(tomap({hello = true}))"#,
        #"!Invalid function argument: Invalid value for "list" parameter: argument must be list, set, or tuple. Received map of bool."#
      ),
      (
        #"transpose({key1 = ["a", "b"], key2 = ["a", "b", "c"], key3 = ["c"], key4 = []})"#,
        #"tomap({"a" = tolist(["key1", "key2"]), "b" = tolist(["key1", "key2"]), "c" = tolist(["key2", "key3"])})"#
      ),
      (#"transpose({key1 = []})"#, #"tomap({})"#),
      (
        #"transpose({key1 = "a"})"#,
        #"!Invalid function argument: Invalid value for "values" parameter: element "key1": list of string required."#
      ),
      (
        #"transpose({key1 = [null]})"#,
        #"!Error in function call: Call to function "transpose" failed: input list must not contain null string."#
      ),
      (#"zipmap(["hello", "world"], ["one", "two"])"#, #"{hello = "one", world = "two"}"#),
      (#"zipmap(["hello", "world"], [1, "two"])"#, #"{hello = 1, world = "two"}"#),
      (
        #"zipmap(["hello"], ["one", "two"])"#,
        #"!Error in function call: Call to function "zipmap" failed: number of keys (1) does not match number of values (2)."#
      ),
      (#"coalescelist(["first", "second"], ["third", "fourth"])"#, #"["first", "second"]"#),
      (#"coalescelist([], ["third", "fourth"])"#, #"["third", "fourth"]"#),
      (#"coalescelist([1, 2], ["three"])"#, #"[1, 2]"#),
      (#"coalescelist([], [[1], [2]])"#, #"[[1], [2]]"#),
      (#"alltrue(["true", true])"#, #"true"#),
      (#"anytrue([false, "true"])"#, #"true"#),
      (#"index(["a", "b", "c"], "a")"#, #"0"#),
      (
        #"index(["a", "b", "c"], 1)"#,
        #"!Error in function call: Call to function "index" failed: item not found."#
      ),
      (
        #"index([1, 2, 3], "1")"#,
        #"!Error in function call: Call to function "index" failed: item not found."#
      ),
      (
        #"index([true, false], "true")"#,
        #"!Error in function call: Call to function "index" failed: item not found."#
      ),
      (
        #"chunklist(["a", "b", "c", "d", "e"], 2)"#,
        #"tolist([tolist(["a", "b"]), tolist(["c", "d"]), tolist(["e"])])"#
      ),
      (#"chunklist(toset(["a", "b"]), 1)"#, #"tolist([tolist(["a"]), tolist(["b"])])"#),
      (#"reverse(["a", true, 0])"#, #"[0, true, "a"]"#),
      (#"reverse([[1], "x"])"#, #"["x", [1]]"#),
      (#"slice(["a", "b", "c"], 1, 1)"#, #"[]"#),
      (#"compact(["", "a", null, "b", ""])"#, #"tolist(["a", "b"])"#),
      (
        #"setproduct(["a", "b"], [1, 2], [true])"#,
        #"tolist([["a", 1, true], ["a", 2, true], ["b", 1, true], ["b", 2, true]])"#
      ),
      (#"setunion(["a", "b"], ["b", "c"], ["d"])"#, #"toset(["a", "b", "c", "d"])"#),
      (#"setintersection(["a", "b", "c"], ["b", "c", "d"], ["c", "d", "e"])"#, #"toset(["c"])"#),
      (#"setsubtract(["a", "b", "c"], ["b"])"#, #"toset(["a", "c"])"#),
    ])
  }
}
