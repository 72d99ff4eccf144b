/// The HCL native-syntax parser: tokens to a `SyntaxFile`, with every error collected.
///
/// A recursive-descent parser after hclsyntax's, with its newline rules (significant in bodies
/// and object constructors, ignored in parentheses, brackets, `${}` and `for`), its recovery
/// (skip to the closing bracket, then keep going) and its messages. Invariants:
/// - nothing throws or traps: bad input yields `Expression.invalid` nodes and diagnostics;
/// - every loop consumes at least one token per iteration or ends (`ensureProgress`), and the
///   end-of-file token is never consumed, so parsing always terminates;
/// - nesting deeper than `Syntax.maximumNestingDepth` is reported, never recursed into, so
///   no input can overflow the stack.
public enum Parser {
  /// Lexes and parses one file. Lexer diagnostics come first, then the parser's, in order.
  public static func parse(_ source: [UInt8], filename: String) -> (
    file: SyntaxFile, diagnostics: [Diagnostic]
  ) {
    parse(source, filename: filename, splitsAt: ParallelParse.minimumTokens)
  }

  /// `splitsAt`: the fewest tokens a file needs to be parsed in two halves at once (see
  /// `ParallelParse`); tests lower it to compare both ways on small files.
  static func parse(_ source: [UInt8], filename: String, splitsAt minimumTokens: Int) -> (
    file: SyntaxFile, diagnostics: [Diagnostic]
  ) {
    let (tokens, lexDiagnostics) = Lexer.scan(source, filename: filename)
    let end = tokens[tokens.count - 1].start
    let range = SourceRange(
      filename: filename, start: SourcePosition(line: 1, column: 1, byte: 0), end: end)
    if lexDiagnostics.isEmpty, tokens.count >= minimumTokens,
      let items = ParallelParse.items(tokens: tokens, source: source, filename: filename)
    {
      // The file body's range is the whole file, as `parseFileBody` makes it.
      return (SyntaxFile(body: Body(items: items, range: range), range: range), [])
    }
    var state = ParserState(tokens: tokens, source: source, filename: filename)
    let body = state.parseFileBody()
    return (SyntaxFile(body: body, range: range), lexDiagnostics + state.diagnostics)
  }

  /// Parses `source` as a single expression (as `terraform console` and `-var` values do).
  public static func parseExpression(_ source: [UInt8], filename: String) -> (
    expression: Expression, diagnostics: [Diagnostic]
  ) {
    let (tokens, lexDiagnostics) = Lexer.scan(source, filename: filename)
    var state = ParserState(tokens: tokens, source: source, filename: filename)
    state.pushNewlines(false)
    let expression = state.parseExpression()
    let next = state.peek()
    if next.kind != .endOfFile && !state.recovery {
      state.diagnostics.append(
        .error(
          "Extra characters after expression",
          detail: "An expression was successfully parsed, but extra characters were found after it.",
          subject: state.range(next)))
    }
    state.popNewlines()
    return (expression, lexDiagnostics + state.diagnostics)
  }
}

/// The parser's cursor over the token stream, its newline mode and its diagnostics.
struct ParserState {
  /// A token seen through the newline and comment filter: its index and effective kind (a
  /// line comment that ends in a newline reads as a newline where newlines matter).
  struct Peeked {
    var index: Int
    var kind: TokenKind
  }

  let tokens: [RawToken]
  let source: [UInt8]
  let filename: String
  /// A range in this file, for making others without looking the file name up again.
  let fileRange: SourceRange
  var nextIndex = 0
  /// The token read as the end of the file: the real one, or where a split parse stops.
  var endIndex: Int
  var includeNewlines: [Bool] = [true]
  /// The top of `includeNewlines`, kept apart because every peek reads it.
  var newlinesIncluded = true
  /// Set once recovery has skipped tokens: later "unexpected token" errors are suppressed,
  /// since they would most likely be noise caused by the skip.
  var recovery = false
  var diagnostics: [Diagnostic] = []
  var depth = 0
  var reportedDepth = false
  /// Made on first deep nesting (see `StackBudget`).
  var stack: StackBudget?

  init(tokens: [RawToken], source: [UInt8], filename: String) {
    self.tokens = tokens
    self.source = source
    self.filename = filename
    let origin = SourcePosition(line: 1, column: 1, byte: 0)
    self.fileRange = SourceRange(filename: filename, start: origin, end: origin)
    endIndex = tokens.count - 1
  }

  // MARK: - Peeking and reading

  private func nextSignificant() -> (Peeked, Int) {
    let newlines = newlinesIncluded
    var i = nextIndex
    let last = endIndex
    while i < last {
      let kind = tokens[i].kind
      switch kind {
      case .comment:
        let end = tokens.end(i).byte
        if newlines, end > 0, source[end - 1] == 0x0A {
          return (Peeked(index: i, kind: .newline), i + 1)
        }
        i += 1
        continue
      case .byteOrderMark:
        i += 1
        continue
      case .newline:
        if !newlines {
          i += 1
          continue
        }
      default:
        break
      }
      return (Peeked(index: i, kind: kind), i + 1)
    }
    return (Peeked(index: last, kind: .endOfFile), last)
  }

  func peek() -> Peeked { nextSignificant().0 }

  @discardableResult
  mutating func read() -> Peeked {
    let (peeked, next) = nextSignificant()
    nextIndex = next
    return peeked
  }

  func range(at index: Int) -> SourceRange {
    fileRange.with(start: tokens[index].start, end: tokens.end(index))
  }

  func range(_ peeked: Peeked) -> SourceRange { range(at: peeked.index) }

  /// The full token, built on demand when the parser needs its bytes or text.
  func token(_ peeked: Peeked) -> Token {
    let raw = tokens[peeked.index]
    return Token(
      kind: raw.kind, bytes: source[raw.start.byte..<tokens.end(peeked.index).byte],
      range: range(at: peeked.index),
      spacesBefore: Int(raw.spacesBefore))
  }

  /// The token's length in bytes.
  func length(_ peeked: Peeked) -> Int {
    tokens.end(peeked.index).byte - tokens[peeked.index].start.byte
  }

  /// The token's text, decoded straight from the source.
  func text(_ peeked: Peeked) -> String {
    let raw = tokens[peeked.index]
    return String(decoding: source[raw.start.byte..<tokens.end(peeked.index).byte], as: UTF8.self)
  }

  /// True when the token's bytes are exactly the ASCII `keyword` (no allocation).
  func hasText(_ peeked: Peeked, _ keyword: StaticString) -> Bool {
    let raw = tokens[peeked.index]
    let start = raw.start.byte
    guard tokens.end(peeked.index).byte - start == keyword.utf8CodeUnitCount else { return false }
    return keyword.withUTF8Buffer { expected in
      source.withUnsafeBufferPointer { buffer in
        for i in 0..<expected.count where buffer[start + i] != expected[i] { return false }
        return true
      }
    }
  }

  /// The range of the last token read (hclsyntax's `PrevRange`).
  var previousRange: SourceRange { range(at: nextIndex == 0 ? 0 : nextIndex - 1) }

  mutating func pushNewlines(_ include: Bool) {
    includeNewlines.append(include)
    newlinesIncluded = include
  }

  mutating func popNewlines() {
    if includeNewlines.count > 1 { includeNewlines.removeLast() }
    newlinesIncluded = includeNewlines[includeNewlines.count - 1]
  }

  var isAtEnd: Bool { peek().kind == .endOfFile }

  // MARK: - Helpers

  mutating func error(
    _ summary: String, _ detail: String, subject: SourceRange, context: SourceRange? = nil
  ) {
    diagnostics.append(.error(summary, detail: detail, subject: subject, context: context))
  }

  /// hcl's `RangeBetween`: from the start of `a` to the end of `b`.
  func between(_ a: SourceRange, _ b: SourceRange) -> SourceRange {
    a.with(start: a.start, end: b.end)
  }

  /// A zero-width range at `position`.
  func point(_ position: SourcePosition, in filename: String) -> SourceRange {
    fileRange.with(start: position, end: position)
  }

  func invalid(_ range: SourceRange) -> Expression { Expression(.invalid, range: range) }

  /// Guards recursion. Returns false (after reporting once) when nesting is too deep; the
  /// caller then returns an invalid node without recursing.
  mutating func enterNesting() -> Bool {
    depth += 1
    if depth <= StackBudget.checkedFromDepth { return true }
    let budget = stack ?? StackBudget()
    stack = budget
    if depth <= Syntax.maximumNestingDepth && budget.hasRoom() { return true }
    depth -= 1
    reportTooDeep(levels: depth)
    return false
  }

  mutating func leaveNesting() { depth -= 1 }

  /// Reports excessive nesting once per file and enters recovery mode.
  private mutating func reportTooDeep(levels: Int) {
    recovery = true
    guard !reportedDepth else { return }
    reportedDepth = true
    error(
      "Configuration nested too deeply",
      "This expression or block is nested more than \(levels) levels deep, which is more than gitform can parse. Split it up, for example with local values.",
      subject: range(peek()))
  }

  /// For loops that build left-deep trees without recursing (`a + b + c ...`, `a[b][c]...`):
  /// returns false (after reporting once) when `count` nodes would make the tree deeper than
  /// the limit, since every later walk of the tree (evaluation, comparison, even freeing it)
  /// recurses once per level.
  mutating func allowChain(_ count: Int) -> Bool {
    if count <= Syntax.maximumNestingDepth { return true }
    reportTooDeep(levels: count - 1)
    return false
  }

  /// For operator chains, which only freeing the tree walks recursively: up to
  /// `Syntax.maximumOperatorChain`, as long as the thread's stack can free that many levels
  /// (`Syntax.operatorChainStackCost` bytes each), so a small thread gets a shorter limit.
  mutating func allowOperatorChain(_ count: Int) -> Bool {
    if count <= Syntax.maximumNestingDepth { return true }
    let budget = stack ?? StackBudget()
    stack = budget
    if count <= Syntax.maximumOperatorChain && budget.hasRoom(for: count * Syntax.operatorChainStackCost) {
      return true
    }
    reportTooDeep(levels: count - 1)
    return false
  }

  /// Called at the end of a loop iteration that started at `start`: when nothing was
  /// consumed (only possible after an error), skip one token so the loop cannot spin.
  /// Returns false at end of file, where the caller must stop.
  mutating func ensureProgress(since start: Int) -> Bool {
    if nextIndex != start { return true }
    if isAtEnd { return false }
    recovery = true
    read()
    return true
  }
}
