/// One line of the token stream, split into hclwrite's three cells.
///
/// - `lead`: everything up to one of the other cells; it includes the newline (or the line's
///   last token) when there is neither an assign nor a comment cell.
/// - `assign`: from the line's first `=` to the end, but only when the tokens from that `=`
///   on balance their brackets — a value that opens a multi-line construct (`x = {`) stays in
///   the lead and so breaks the alignment chain, exactly as in hclwrite.
/// - `comment`: a trailing `#`/`//` comment after other tokens.
///
/// The cells are adjacent index ranges into the `FormatStream`; the passes change only the
/// spaces before the first token of a cell (alignment, indentation) and between tokens inside a
/// cell (spacing).
struct FormatLine: Equatable {
  var lead: Range<Int>
  var assign: Range<Int>?
  var comment: Range<Int>?

  /// Splits the stream into lines. A line ends after a newline token or after a `#`/`//`
  /// comment (which carries its newline). The end-of-file token belongs to no line.
  ///
  /// A heredoc, from its opener to its closing marker, stays inside one line, as it does in
  /// hclwrite, whose lexer has no newline tokens in heredoc bodies: the body is never
  /// re-indented or re-spaced and the line can still align its `=` with its neighbours.
  /// Newlines inside an interpolation within a heredoc are real newline tokens there too, so
  /// those do end lines.
  static func split(_ stream: FormatStream) -> [FormatLine] {
    var lines: [FormatLine] = []
    var lineStart = 0
    // For each open heredoc, how deep we are in `${`/`%{` sequences inside its body.
    var heredocTemplateDepths: [Int] = []
    var index = 0
    while index < stream.count {
      let kind = stream.kind(index)
      if kind == .endOfFile { break }
      switch kind {
      case .openHeredoc:
        heredocTemplateDepths.append(0)
      case .closeHeredoc:
        if !heredocTemplateDepths.isEmpty { heredocTemplateDepths.removeLast() }
      case .templateInterp, .templateControl:
        if let last = heredocTemplateDepths.indices.last { heredocTemplateDepths[last] += 1 }
      case .templateSequenceEnd:
        if let last = heredocTemplateDepths.indices.last, heredocTemplateDepths[last] > 0 {
          heredocTemplateDepths[last] -= 1
        }
      default:
        break
      }
      let inHeredocBody = (heredocTemplateDepths.last ?? 1) == 0
      if !inHeredocBody && stream.endsLine(index) {
        lines.append(FormatLine(cells: lineStart..<(index + 1), in: stream))
        lineStart = index + 1
      }
      index += 1
    }
    if lineStart < index {
      lines.append(FormatLine(cells: lineStart..<index, in: stream))
    }
    return lines
  }

  /// Divides one line's tokens into lead, assign and comment cells.
  private init(cells range: Range<Int>, in stream: FormatStream) {
    lead = range
    if range.count > 1, stream.kind(range.upperBound - 1) == .comment {
      comment = (range.upperBound - 1)..<range.upperBound
      lead = range.lowerBound..<(range.upperBound - 1)
    }
    var index = lead.lowerBound + 1
    while index < lead.upperBound {
      if stream.kind(index) == .equal {
        // Unlike indentation, this count does not stop at a heredoc: a heredoc whose first
        // interpolation stays open at the end of the line makes the value multi-line.
        if Self.netBrackets(stream, index..<lead.upperBound, stoppingAtHeredoc: false) == 0 {
          assign = index..<lead.upperBound
          lead = lead.lowerBound..<index
        }
        break
      }
      index += 1
    }
  }

  /// The net bracket change over `range`. For indentation the count stops at a heredoc
  /// opener: a heredoc body's interpolations never indent the line that opens it.
  static func netBrackets(
    _ stream: FormatStream, _ range: Range<Int>, stoppingAtHeredoc: Bool = true
  ) -> Int {
    var net = 0
    for index in range {
      let kind = stream.kind(index)
      net += kind.bracketChange
      if stoppingAtHeredoc && kind == .openHeredoc { break }
    }
    return net
  }
}
