/// A large file parsed in two halves at once, split between two top-level blocks: parsing is
/// a fifth of `validate` on a 10,000-resource file, and the second core is otherwise idle then.
///
/// The halves are accepted only when neither reports anything and the file has no top-level
/// attribute (whose "Attribute redefined" check spans the whole body); then each item is what
/// the sequential parser makes of the same tokens, ranges included, since both start an item
/// with a fresh state after a newline at depth 0. Anything else — a syntax error, a split the
/// bracket count got wrong — is parsed again from the start in one piece, so diagnostics are
/// always the sequential parser's.
enum ParallelParse {
  /// Below this many tokens (about 7,000 resources' worth of bytes), a thread costs more than
  /// it saves.
  static let minimumTokens = 60_000

  /// The file body's items, or nil when the file must be parsed in one piece.
  static func items(tokens: [RawToken], source: [UInt8], filename: String) -> [BodyItem]? {
    guard let split = topLevelBoundary(in: tokens) else { return nil }
    let upper = BackgroundJob { () -> ([BodyItem], Bool) in
      var state = ParserState(tokens: tokens, source: source, filename: filename)
      state.nextIndex = split
      let items = state.parseBody(closedBy: .endOfFile, opener: nil)
      return (items, state.diagnostics.isEmpty)
    }
    var lower = ParserState(tokens: tokens, source: source, filename: filename)
    lower.endIndex = split
    let lowerItems = lower.parseBody(closedBy: .endOfFile, opener: nil)
    guard let (upperItems, upperClean) = upper.wait(), upperClean, lower.diagnostics.isEmpty else { return nil }
    let items = lowerItems + upperItems
    for item in items { if case .attribute = item { return nil } }
    return items
  }

  /// The index of the first token after a newline at bracket depth 0 past the middle of the
  /// file, or nil when there is none.
  static func topLevelBoundary(in tokens: [RawToken]) -> Int? {
    let middle = tokens.count / 2
    var depth = 0
    for index in 0..<(tokens.count - 1) {
      switch tokens[index].kind {
      case .openBrace, .openBracket, .openParen, .openQuote, .openHeredoc, .templateInterp, .templateControl:
        depth += 1
      case .closeBrace, .closeBracket, .closeParen, .closeQuote, .closeHeredoc, .templateSequenceEnd:
        depth -= 1
      case .newline where depth == 0 && index >= middle:
        return index + 1
      default:
        break
      }
    }
    return nil
  }
}
