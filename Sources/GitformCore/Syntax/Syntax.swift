/// Syntax: HCL native syntax, from bytes to a syntax tree.
///
/// This folder holds the lexer (a lossless token stream shared by the parser and `fmt`), the
/// parser (recursive descent with error recovery, hclsyntax's newline rules and messages), the
/// syntax tree (`SyntaxFile`, `Body`, `Attribute`, `Block`, `Expression`) and the formatter.
///
/// It is not for meaning: no values, no evaluation, no schema checks (unknown block types,
/// required arguments) — those belong to `Eval/` and `Config/`. The one structural rule it
/// does check is hclsyntax's: an attribute name may appear once per body. It imports
/// Diagnostics only (and Glibc, to size the stack). Every problem is a `Diagnostic`; nothing
/// here throws, prints or traps on input.
///
/// Entry points: `Lexer.tokenize` (tokens for `fmt`), `Parser.parse` (a file),
/// `Parser.parseExpression` (one expression), `DiagnosticSource(parsing:filename:)`.
enum Syntax {
  /// The deepest nesting of brackets, parentheses, braces, templates, directives and operator
  /// or traversal chains the parser builds before it reports "Configuration nested too
  /// deeply" instead of risking the stack (a thread with a small stack gets less; see
  /// `StackBudget`).
  static let maximumNestingDepth = 256
  /// The longest run of operators of one precedence (`1 + 1 + ... + 1`). The parser builds it
  /// in a loop and every walk of it (evaluation, references, start ranges) loops along the
  /// chain, so it costs no parser or evaluator nesting depth; what remains recursive is freeing
  /// the tree, a few hundred bytes of stack per operator, which bounds it (Terraform accepts
  /// thousands of terms). A thread whose stack is too small for that gets a shorter limit.
  static let maximumOperatorChain = 10_000
  /// Stack bytes one operator of a chain may take when the tree is freed, generously for a
  /// debug build.
  static let operatorChainStackCost = 512
}
