/// The kinds of token the lexer produces, after hclsyntax's `TokenType`.
///
/// Kinds that HCL does not use (`&`, `;`, `'`, ...) are still recognised so the lexer can give
/// a specific message instead of a generic one.
public enum TokenKind: Equatable, Hashable, Sendable {
  case openBrace, closeBrace  // { }
  case openBracket, closeBracket  // [ ]
  case openParen, closeParen  // ( )
  case openQuote, closeQuote  // " that opens / closes a quoted template
  case openHeredoc  // <<EOT or <<-EOT, including the newline that ends the marker line
  case closeHeredoc  // the closing marker line, with its leading and trailing spaces, no newline
  case star, slash, plus, minus, percent
  case equal  // =
  case equalOp  // ==
  case notEqual  // !=
  case lessThan, lessThanOrEqual, greaterThan, greaterThanOrEqual
  case and, or, bang  // && || !
  case dot, comma, ellipsis  // . , ...
  case fatArrow  // =>
  case question, colon
  case templateInterp  // ${ or ${~
  case templateControl  // %{ or %{~
  case templateSequenceEnd  // } or ~} closing an interpolation or directive
  case quotedLiteral  // literal text inside a quoted template; may contain backslash escapes
  case stringLiteral  // literal text inside a heredoc (one line at most, newline included)
  case numberLiteral
  case identifier
  case comment  // #, // (including its newline, when there is one) or /* */
  case newline  // \n or \r\n
  case endOfFile  // zero bytes wide, at the end of the source
  // Recognised only to report them well.
  case bitwiseAnd, bitwiseOr, bitwiseNot, bitwiseXor
  case apostrophe, backtick, semicolon
  case byteOrderMark  // a UTF-8 BOM at the start of the file (reported, then ignored)
  case invalid  // a character the language never uses
  case badUTF8  // a byte that is not part of valid UTF-8
  case quotedNewline  // one or more newline characters inside a quoted string
}

/// One lexeme: its kind, its exact bytes and where it is.
///
/// The token stream is lossless: the source is exactly the concatenation, in order, of each
/// token's `spacesBefore` whitespace bytes (spaces and tabs, outside templates only) and its
/// bytes. Whitespace other than newlines is never a token of its own, so the parser need not
/// skip it; `fmt` and diagnostics share this lexer.
public struct Token: Equatable, Hashable, Sendable {
  public var kind: TokenKind
  /// The token's UTF-8 bytes, exactly as in the source (CRLF kept as is). For lexed tokens a
  /// slice of the source array, so its indices are byte offsets into the source.
  public var bytes: ArraySlice<UInt8>
  public var range: SourceRange
  /// How many whitespace bytes (spaces or tabs) stood between the previous token (or the
  /// start of the file) and this one.
  public var spacesBefore: Int

  public init(kind: TokenKind, bytes: ArraySlice<UInt8>, range: SourceRange, spacesBefore: Int) {
    self.kind = kind
    self.bytes = bytes
    self.range = range
    self.spacesBefore = spacesBefore
  }

  /// The token's text; bytes that are not valid UTF-8 become U+FFFD.
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  /// True when the bytes are exactly the ASCII `text`; cheap keyword checks (`for`, `in`, `if`).
  func hasText(_ ascii: StaticString) -> Bool {
    guard bytes.count == ascii.utf8CodeUnitCount else { return false }
    return ascii.withUTF8Buffer { keyword in
      var i = bytes.startIndex
      for byte in keyword {
        if bytes[i] != byte { return false }
        i += 1
      }
      return true
    }
  }
}

/// The lexer's compact form of a token, used by the parser: plain data, no references, so a
/// large file's hundreds of thousands of tokens cost one allocation and no reference counting.
///
/// The end is not stored: only spaces and tabs separate tokens (newlines are tokens), so a
/// token ends where the next one starts, less the next one's `spacesBefore`, on the same
/// line. The stream always ends with an end-of-file token, which ends where it starts.
struct RawToken {
  var kind: TokenKind
  var spacesBefore: Int32
  var start: SourcePosition
}

extension Array where Element == RawToken {
  /// Where token `index` ends (see `RawToken`).
  func end(_ index: Int) -> SourcePosition {
    guard index + 1 < count else { return self[index].start }
    let next = self[index + 1]
    let spaces = Int(next.spacesBefore)
    var end = next.start
    end.column -= spaces
    end.byte -= spaces
    return end
  }
}
