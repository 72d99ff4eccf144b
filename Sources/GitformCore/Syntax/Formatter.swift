/// `gitform fmt`'s canonical layout: hclwrite's formatting algorithm over the lossless tokens.
///
/// The output is byte-identical to `terraform fmt` for the same input. Formatting works on
/// tokens and lines only, never on a syntax tree, so it also terminates (with some output) on
/// input that does not parse; callers that write files check for syntax errors first, as
/// Terraform does, because formatting broken input can move things a user would not expect.
///
/// Three passes, as in hclwrite's `format.go`, after splitting the tokens into lines of up to
/// three cells (`FormatLine`): indentation (`FormatterIndent`), spaces between the tokens of a
/// cell (`FormatterSpacing`) and vertical alignment of `=` and trailing comments
/// (`FormatterAlignment`). Before them, `FormatterRewrites` applies the two Terraform rewrites
/// the reference recommends (§6.3): block labels become quoted strings and an attribute value
/// that is exactly one interpolation `"${x}"` is unwrapped to `x`. Terraform's third rewrite,
/// legacy `type` spellings inside `variable` blocks, is a Terraform 0.11 migration aid and is
/// deliberately not applied: gitform configurations have no such history.
///
/// Invariant: with `rewrites` off, formatting changes only spaces, tabs and the space before
/// newlines — the non-whitespace bytes of the input come out unchanged and in order.
public struct Formatter: Sendable {
  /// Whether to apply Terraform's label quoting and interpolation unwrapping.
  public var rewrites: Bool

  public init(rewrites: Bool = true) {
    self.rewrites = rewrites
  }

  /// Formats a whole file given as its lexer tokens (the stream must be the lexer's complete,
  /// lossless output, ending with `endOfFile` or not). Returns the formatted file's bytes.
  public func format(_ tokens: [Token]) -> [UInt8] {
    var stream = FormatStream(tokens)
    if rewrites {
      FormatterRewrites.apply(to: &stream)
    }
    let lines = FormatLine.split(stream)
    FormatterIndent.apply(lines, to: &stream)
    FormatterSpacing.apply(lines, to: &stream)
    FormatterAlignment.apply(lines, to: &stream)
    return stream.render()
  }
}

/// The tokens being formatted, each with the number of spaces to print before it.
///
/// hclwrite changes only `SpacesBefore`; this is that, as a separate array so the lexer's tokens
/// stay untouched. The lexer counts tabs among the whitespace before a token, as hclwrite's
/// byte-distance `SpacesBefore` does, so a tab between tokens becomes a space or nothing, and
/// the spaces before the end of the file (which no pass touches) keep their width.
struct FormatStream {
  var tokens: [Token]
  var spaces: [Int]
  /// The tokens' kinds, apart: the passes look at little else, and reading a kind from here
  /// avoids copying (and reference-counting) whole tokens in the hot loops.
  private(set) var kinds: [TokenKind]

  init(_ source: [Token]) {
    tokens = source
    spaces = source.map(\.spacesBefore)
    kinds = source.map(\.kind)
  }

  var count: Int { tokens.count }

  func kind(_ index: Int) -> TokenKind { kinds[index] }

  /// Whether the token at `index` ends a line: a newline, or a `#`/`//` comment, which carries
  /// its newline (as would a closing heredoc marker, should the lexer ever include its newline).
  func endsLine(_ index: Int) -> Bool {
    switch kinds[index] {
    case .newline: return true
    case .comment, .closeHeredoc: return tokens[index].bytes.last == UInt8(ascii: "\n")
    default: return false
    }
  }

  /// The formatted bytes: every token's spaces, then its bytes.
  func render() -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(tokens.reduce(0) { $0 + $1.bytes.count } + spaces.reduce(0, +))
    for index in tokens.indices {
      if spaces[index] > 0 {
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: spaces[index]))
      }
      output.append(contentsOf: tokens[index].bytes)
    }
    return output
  }

  /// Replaces each edit's range with its tokens, whose spaces start at zero (the passes that
  /// follow set them all). The ranges are ascending and disjoint; one pass rebuilds the
  /// stream, so a file with thousands of rewrites stays linear.
  mutating func apply(_ edits: [(range: Range<Int>, tokens: [Token])]) {
    var newTokens: [Token] = []
    var newSpaces: [Int] = []
    newTokens.reserveCapacity(tokens.count)
    newSpaces.reserveCapacity(tokens.count)
    var cursor = 0
    for edit in edits where edit.range.lowerBound >= cursor {
      newTokens += tokens[cursor..<edit.range.lowerBound]
      newSpaces += spaces[cursor..<edit.range.lowerBound]
      newTokens += edit.tokens
      newSpaces += repeatElement(0, count: edit.tokens.count)
      cursor = edit.range.upperBound
    }
    newTokens += tokens[cursor...]
    newSpaces += spaces[cursor...]
    tokens = newTokens
    spaces = newSpaces
    kinds = newTokens.map(\.kind)
  }
}

extension TokenKind {
  /// hclwrite's `tokenBracketChange`: what the token does to the nesting that drives indents.
  var bracketChange: Int {
    switch self {
    case .openBrace, .openBracket, .openParen, .templateControl, .templateInterp: return 1
    case .closeBrace, .closeBracket, .closeParen, .templateSequenceEnd: return -1
    default: return 0
    }
  }
}
