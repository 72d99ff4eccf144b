/// The kinds of token the lexer produces, after hclsyntax's `TokenType`.
///
/// Kinds that HCL does not use (`&`, `;`, `'`, tabs, ...) are still recognised so the parser
/// can give a specific message instead of a generic one.
public enum TokenKind: Equatable, Hashable, Sendable {
  case openBrace, closeBrace  // { }
  case openBracket, closeBracket  // [ ]
  case openParen, closeParen  // ( )
  case openQuote, closeQuote  // " that opens / closes a quoted template
  case openHeredoc  // <<EOT or <<-EOT, including the newline that ends the marker line
  case closeHeredoc  // the closing marker line (with its leading spaces)
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
  case stringLiteral  // literal text inside a heredoc; no escapes
  case numberLiteral
  case identifier
  case comment  // #, // (including its newline) or /* */
  case newline
  case endOfFile
  // Recognised only to report them well.
  case bitwiseAnd, bitwiseOr, bitwiseNot, bitwiseXor, starStar
  case apostrophe, backtick, semicolon, tabs
  case invalid  // a character the language never uses
  case badUTF8
  case quotedNewline  // a newline inside a quoted string
}

/// One lexeme: its kind, its exact bytes and where it is.
///
/// The token stream is lossless: the source is exactly the concatenation, in order, of each
/// token's `spacesBefore` spaces and its bytes. Whitespace other than newlines is never a
/// token of its own, so the parser need not skip it; `fmt` and diagnostics share this lexer.
public struct Token: Equatable, Hashable, Sendable {
  public var kind: TokenKind
  /// The token's UTF-8 bytes, exactly as in the source (CRLF kept as is).
  public var bytes: [UInt8]
  public var range: SourceRange
  /// How many spaces stood between the previous token (or the start of file) and this one.
  public var spacesBefore: Int

  public init(kind: TokenKind, bytes: [UInt8], range: SourceRange, spacesBefore: Int) {
    self.kind = kind
    self.bytes = bytes
    self.range = range
    self.spacesBefore = spacesBefore
  }

  /// The token's text; bytes that are not valid UTF-8 become U+FFFD.
  public var text: String { String(decoding: bytes, as: UTF8.self) }
}
