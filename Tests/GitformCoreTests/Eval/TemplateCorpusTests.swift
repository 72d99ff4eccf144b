import XCTest

@testable import GitformCore

/// `templatefile` and `templatestring` against `terraform console` (1.11), run in a directory
/// holding these template files and a configuration whose locals are `locals` below.
final class TemplateCorpusTests: FunctionCorpusTestCase {
  static let files: [String: String] = [
    "bad.tftpl": "${upper(a)} ${b.c}\n",
    "err.tftpl": "x ${a + 1}",
    "escapes.tftpl": "x\\n $${y} %%{z}",
    "hello.tftpl": "Hello, ${name}!",
    "list.tftpl": "%{ for x in list ~}\n- ${x}\n%{ endfor ~}\n",
    "multi.tftpl": "a ${a}\nb ${b}\n",
    "rec.tftpl": "${templatefile(\"hello.tftpl\", {name=\"x\"})}",
    "single.tftpl": "${a}",
    "syntax.tftpl": "${1 +}",
    "unknownvar.tftpl": "x\n${nope}\n",
  ]

  /// The locals the `templatestring` cases refer to, as `terraform console` had them.
  static let locals = Value.object([
    "greeting": .string("Hello, ${name}!"),
    "loop": .string("%{ for k, v in m ~}\n${k}=${v}\n%{ endfor ~}"),
    "single": .string("${value}"),
    "with_upper": .string("it's ${upper(a)}"),
    "reads_file": .string("${file(\"hello.tftpl\")}"),
    "recursive": .string("${templatestring(local.greeting, {})}"),
    "broken": .string("${a +}"),
    "number": .number(5),
    "nested": .object(["t": .string("[${x}]")]),
    "list": .tuple([.string("<${x}>")]),
    "secret": Value.string("secret ${x}").marked(sensitive: true),
  ])

  private var directory = ""

  override func setUpWithError() throws {
    directory = NSTemporaryDirectory() + "gitform-templates-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for (name, text) in Self.files {
      try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
    }
  }

  override func tearDownWithError() throws {
    try FileManager.default.removeItem(atPath: directory)
  }

  func testTemplates() {
    check(
      [
        (#"templatefile("hello.tftpl", {name = "World"})"#, #""Hello, World!""#),
        (#"templatefile("hello.tftpl", {name = 1})"#, #""Hello, 1!""#),
        (#"templatefile("list.tftpl", {list = ["a", "b"]})"#, #""- a\n- b\n""#),
        (
          #"templatefile("hello.tftpl", {})"#,
          #"!Invalid function argument: Invalid value for "vars" parameter: vars map does not contain key "name", referenced at hello.tftpl:1,10-14."#
        ),
        (
          #"templatefile("hello.tftpl", "x")"#,
          #"!Invalid function argument: Invalid value for "vars" parameter: invalid vars value: must be a map."#
        ),
        (#"templatefile("hello.tftpl", {"bad-name" = 1, name = 2})"#, #""Hello, 2!""#),
        (
          #"templatefile("hello.tftpl", {"bad name" = 1, name = 2})"#,
          #"!Invalid function argument: Invalid value for "vars" parameter: invalid template variable name "bad name": must start with a letter, followed by zero or more letters, digits, and underscores."#
        ),
        (
          #"templatefile("rec.tftpl", {})"#,
          #"!Error in function call: Call to function "templatefile" failed: rec.tftpl:1,3-16: Error in function call; Call to function "templatefile" failed: cannot recursively call templatefile from inside another template function.."#
        ),
        (
          #"templatefile("syntax.tftpl", {})"#,
          #"!Error in function call: Call to function "templatefile" failed: syntax.tftpl:1,6-7: Invalid expression; Expected the start of an expression, but found an invalid expression token.."#
        ),
        (#"templatefile("single.tftpl", {a = [1, 2]})"#, #"[1, 2]"#),
        (
          #"templatefile("single.tftpl", {a = null})"#,
          #"!Error in function call: Call to function "templatefile" failed: single.tftpl:1,1-5: Template result is null; The result of the template is null, which is not a valid result for a templatestring call.."#
        ),
        (
          #"templatefile("unknownvar.tftpl", {})"#,
          #"!Invalid function argument: Invalid value for "vars" parameter: vars map does not contain key "nope", referenced at unknownvar.tftpl:2,3-7."#
        ),
        (
          #"templatefile("err.tftpl", {a = "x"})"#,
          #"!Error in function call: Call to function "templatefile" failed: err.tftpl:1,5-6: Invalid operand; Unsuitable value for left operand: a number is required.."#
        ),
        (
          #"templatefile("missing.tftpl", {})"#,
          #"!Invalid function argument: Invalid value for "path" parameter: no file exists at "missing.tftpl"; this function works only with files that are distributed as part of the configuration source code, so if this file will be created by a resource in this configuration you must instead obtain this result from an attribute of that resource."#
        ),
        (#"templatefile("hello.tftpl", {name = sensitive("s")})"#, #"(sensitive value)"#),
        (#"templatefile("hello.tftpl", tomap({name = "m"}))"#, #""Hello, m!""#),
        (#"templatefile("bad.tftpl", {a = "x", b = {c = 1}})"#, #""X 1\n""#),
        (
          #"templatefile("hello.tftpl")"#,
          #"!Not enough function arguments: Function "templatefile" expects 2 argument(s). Missing value for "vars"."#
        ),
        (
          #"templatefile("hello.tftpl", null)"#,
          #"!Invalid function argument: Invalid value for "vars" parameter: argument must not be null."#
        ),
        (#"templatefile("multi.tftpl", {a = 1, b = 2})"#, #""a 1\nb 2\n""#),
        // The console writes `${` and `%{` unescaped; gitform's rendering doubles them.
        (#"templatefile("escapes.tftpl", {})"#, #""x\\n $${y} %%{z}""#),
        (#"templatestring(local.greeting, {name = "World"})"#, #""Hello, World!""#),
        (#"templatestring(local.loop, {m = {a = 1, b = 2}})"#, #""a=1\nb=2\n""#),
        (#"templatestring(local.single, {value = 5})"#, #""5""#),
        (
          #"templatestring(local.single, {value = [1]})"#,
          #"!Error in function call: Call to function "templatestring" failed: invalid template result: string required."#
        ),
        (#"templatestring(local.with_upper, {a = "x"})"#, #""it's X""#),
        (
          #"templatestring(local.reads_file, {})"#,
          #"!Error in function call: Call to function "templatestring" failed: <templatestring argument>:1,3-8: Error in function call; Call to function "file" failed: cannot use filesystem access functions like file in templatestring templates; consider passing the function result as a template variable instead.."#
        ),
        (
          #"templatestring(local.recursive, {})"#,
          #"!Invalid function argument: Invalid value for "vars" parameter: vars map does not contain key "local", referenced at <templatestring argument>:1,18-23."#
        ),
        (
          #"templatestring(local.broken, {a = 1})"#,
          #"!Invalid function argument: Invalid value for "template" parameter: invalid template: <templatestring argument>:1,6-7: Invalid expression; Expected the start of an expression, but found an invalid expression token.."#
        ),
        (
          #"templatestring(local.number, {})"#,
          #"!Invalid function argument: Invalid value for "template" parameter: invalid template value: a string is required."#
        ),
        (#"templatestring(local.nested.t, {x = 1})"#, #""[1]""#),
        (#"templatestring(local.list[0], {x = 1})"#, #""<1>""#),
        (#"templatestring(local.secret, {x = 1})"#, #"(sensitive value)"#),
        (
          #"templatestring(local.greeting, {})"#,
          #"!Invalid function argument: Invalid value for "vars" parameter: vars map does not contain key "name", referenced at <templatestring argument>:1,10-14."#
        ),
        (
          #"templatestring("Hello, $${name}!", {name = "World"})"#,
          #"!Invalid function argument: Invalid value for "template" parameter: invalid template expression: templatestring is only for rendering templates retrieved dynamically from elsewhere, and so does not support providing a literal template; consider using a template string expression instead."#
        ),
        (
          #"templatestring("x", {})"#,
          #"!Invalid function argument: Invalid value for "template" parameter: invalid template expression: templatestring is only for rendering templates retrieved dynamically from elsewhere, and so does not support providing a literal template; consider using a template string expression instead."#
        ),
        (
          #"templatestring("$${local.greeting}", {})"#,
          #"!Invalid function argument: Invalid value for "template" parameter: invalid template expression: templatestring is only for rendering templates retrieved dynamically from elsewhere, and so does not support providing a literal template; consider using a template string expression instead."#
        ),
        (
          #"templatestring("a $${local.greeting}", {})"#,
          #"!Invalid function argument: Invalid value for "template" parameter: invalid template expression: templatestring is only for rendering templates retrieved dynamically from elsewhere, and so does not support providing a literal template; consider using a template string expression instead."#
        ),
        (
          #"templatestring(1, {})"#,
          #"!Invalid function argument: Invalid value for "template" parameter: invalid template expression: must be a direct reference to a single string from elsewhere, containing valid Terraform template syntax."#
        ),
        (
          #"templatestring(upper(local.greeting), {})"#,
          #"!Invalid function argument: Invalid value for "template" parameter: invalid template expression: must be a direct reference to a single string from elsewhere, containing valid Terraform template syntax."#
        ),
        (
          #"templatestring("${local.greeting}", {})"#,
          #"!Invalid function argument: Invalid value for "template" parameter: invalid template expression: templatestring is only for rendering templates retrieved dynamically from elsewhere; to treat the inner expression as template syntax, write the reference expression directly without any template interpolation syntax."#
        ),
        (
          #"templatestring("a ${local.greeting}", {})"#,
          #"!Invalid function argument: Invalid value for "template" parameter: invalid template expression: templatestring is only for rendering templates retrieved dynamically from elsewhere; to render an inline template, consider using a plain template string expression."#
        ),
        (
          #"templatestring(local.greeting, {name = "x"}, 1)"#,
          #"!Too many function arguments: Function "templatestring" expects only 2 argument(s)."#
        ),
      ], variables: ["local": Self.locals], baseDirectory: directory)
  }
}
