/// Syntax: HCL native syntax, from bytes to a syntax tree.
///
/// This folder holds the lexer (a lossless token stream shared by the parser and `fmt`), the
/// parser (recursive descent with error recovery, hclsyntax's newline rules and messages), the
/// syntax tree (`SyntaxFile`, `Body`, `Attribute`, `Block`, `Expression`) and the formatter.
///
/// It is not for meaning: no values, no evaluation, no schema checks (duplicate attributes,
/// unknown block types) — those belong to `Eval/` and `Config/`. It imports Diagnostics only.
/// Every problem is a `Diagnostic`; nothing here throws, prints or traps on input.
enum Syntax {
  /// The deepest nesting of brackets, parentheses, braces, templates and operators the parser
  /// follows before it reports "Nesting too deep" instead of risking the stack.
  static let maximumNestingDepth = 256
}
