/// The two Terraform rewrites `fmt` applies on top of hclwrite's whitespace formatting
/// (reference §6.3, as Terraform's `internal/command/fmt.go` does them):
///
/// - every block label becomes a quoted string in canonical escaping, and inline comments in
///   front of a label are dropped (`resource a /* x */ b {` → `resource "a" "b" {`);
/// - an attribute whose whole value is one interpolation is unwrapped (`"${var.x}"` →
///   `var.x`); a value spanning lines is wrapped in parentheses so it still parses.
///
/// Terraform finds attributes and blocks with hclwrite's parser; here a small walker over the
/// tokens recognises the same body items (`name =` starts an attribute, `name labels {` a
/// block). It never recurses, so deep nesting cannot exhaust the stack, and every step
/// consumes at least one token. On input that does not parse it still terminates, though it
/// may then rewrite less than Terraform would — such input is never written back anyway.
enum FormatterRewrites {
  static func apply(to stream: inout FormatStream) {
    var edits: [(range: Range<Int>, tokens: [Token])] = []
    var index = 0
    while index < stream.count {
      switch stream.kind(index) {
      case .identifier:
        let next = skipInlineComments(stream, from: index + 1)
        if next < stream.count, stream.kind(next) == .equal {
          let end = attributeEnd(stream, from: next + 1)
          if let edit = unwrappedInterpolation(stream, valueRange: (next + 1)..<end) {
            edits.append(edit)
          }
          index = max(end, next + 1)
        } else if let header = FormatterLabels.header(stream, typeAt: index) {
          if let labels = header.canonicalLabels {
            edits.append((header.labels, labels))
          }
          index = header.openBrace + 1  // the body's items follow
        } else {
          index = lineEnd(stream, from: index)
        }
      case .newline, .comment, .closeBrace:
        index += 1
      default:
        index = lineEnd(stream, from: index)
      }
    }
    if !edits.isEmpty {
      stream.apply(edits)
    }
  }

  /// The index of the token that ends the attribute value starting at `start`: a newline or
  /// line comment outside all brackets, the `}` closing a one-line block, or the end.
  static func attributeEnd(_ stream: FormatStream, from start: Int) -> Int {
    var depth = 0
    var heredocs = 0
    var index = start
    while index < stream.count {
      let kind = stream.kind(index)
      switch kind {
      case .endOfFile: return index
      case .openHeredoc: heredocs += 1
      case .closeHeredoc: heredocs = max(0, heredocs - 1)
      default: break
      }
      if heredocs == 0 && depth == 0 && (kind == .closeBrace || stream.endsLine(index)) {
        return index
      }
      depth += kind.bracketChange
      if depth < 0 { return index }
      index += 1
    }
    return index
  }

  /// The index just past the end of the line containing `start` (always beyond `start`).
  static func lineEnd(_ stream: FormatStream, from start: Int) -> Int {
    var index = start
    while index < stream.count {
      if stream.kind(index) == .endOfFile || stream.endsLine(index) { return index + 1 }
      index += 1
    }
    return index
  }

  static func skipInlineComments(_ stream: FormatStream, from start: Int) -> Int {
    var index = start
    while index < stream.count, stream.kind(index) == .comment, !stream.endsLine(index) {
      index += 1
    }
    return index
  }

  /// Terraform's `formatValueExpr`: when the value is `"${ X }"` and nothing else — no literal
  /// text and no second interpolation outside nested strings — the replacement for the value's
  /// tokens is `X` (leading and trailing newlines trimmed), parenthesised if it spans lines.
  static func unwrappedInterpolation(
    _ stream: FormatStream, valueRange: Range<Int>
  ) -> (range: Range<Int>, tokens: [Token])? {
    var lower = valueRange.lowerBound
    var upper = valueRange.upperBound
    while lower < upper, stream.kind(lower) == .comment { lower += 1 }
    while upper > lower, stream.kind(upper - 1) == .comment { upper -= 1 }
    guard upper - lower >= 5, stream.kind(lower) == .openQuote,
      stream.kind(lower + 1) == .templateInterp, stream.kind(upper - 2) == .templateSequenceEnd,
      stream.kind(upper - 1) == .closeQuote
    else { return nil }
    var quotes = 0
    for index in (lower + 2)..<(upper - 2) {
      switch stream.kind(index) {
      case .openQuote: quotes += 1
      case .closeQuote: quotes -= 1
      case .templateInterp, .templateSequenceEnd, .quotedLiteral:
        // Outside nested strings these mean "${a}${b}" or "${a} text": not unwrappable.
        if quotes <= 0 { return nil }
      default: break
      }
    }
    var inner = Array(stream.tokens[(lower + 2)..<(upper - 2)])
    while inner.first?.kind == .newline { inner.removeFirst() }
    while inner.last?.kind == .newline { inner.removeLast() }
    let spansLines = inner.contains { $0.kind == .newline }
    let parenthesised = inner.first?.kind == .openParen && inner.last?.kind == .closeParen
    if spansLines && !parenthesised {
      let anchor = stream.tokens[lower]
      inner.insert(synthesized(.openParen, "(", at: anchor), at: 0)
      inner.append(synthesized(.closeParen, ")", at: anchor))
    }
    return (lower..<upper, inner)
  }

  /// A token the rewrites add; it takes `anchor`'s range, the nearest place it stands for.
  static func synthesized(_ kind: TokenKind, _ text: String, at anchor: Token) -> Token {
    Token(kind: kind, bytes: .init(text.utf8), range: anchor.range, spacesBefore: 0)
  }
}
