/// A template flattened to a sequence, before directives are nested (the parser's first pass).
enum TemplateToken {
  enum Control: String {
    case `else`, endif, endfor
  }

  case literal(String, SourceRange)
  case interpolation(Expression, SourceRange)
  case ifOpen(Expression, SourceRange)
  case forOpen(key: Identifier?, value: Identifier, collection: Expression, SourceRange)
  case control(Control, SourceRange)
  /// Always last: where the template ended (the closing quote or marker).
  case end(SourceRange)
}

/// Whitespace handling on template literals: strip markers, `<<-` flush and melding.
enum TemplateFlush {
  static func isSpace(_ c: Character) -> Bool {
    c.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
  }

  static func trimmingLeadingSpace(_ s: String) -> String {
    String(s.drop(while: isSpace))
  }

  static func trimmingTrailingSpace(_ s: String) -> String {
    var end = s.endIndex
    while end > s.startIndex {
      let before = s.index(before: end)
      guard isSpace(s[before]) else { break }
      end = before
    }
    return String(s[..<end])
  }

  /// `<<-`: find the fewest leading whitespace characters over the literals that start a line
  /// (blank lines aside; a line starting with an interpolation counts as zero) and remove that
  /// many from each of those literals. Interpolated values are never touched.
  static func apply(to tokens: inout [TemplateToken]) {
    var minimum = Int.max
    var atLineStart = true
    var adjust: [Int] = []
    for (index, token) in tokens.enumerated() {
      if atLineStart {
        atLineStart = false
        var spaces = 0
        if case .end = token { break }
        if case .literal(let value, _) = token {
          let leading = value.prefix(while: isSpace)
          if leading.count == value.count && value.hasSuffix("\n") {
            spaces = Int.max
          } else {
            spaces = leading.count
            adjust.append(index)
          }
        }
        minimum = min(minimum, spaces)
      }
      if case .literal(let value, _) = token, value.hasSuffix("\n") { atLineStart = true }
    }
    guard minimum != Int.max else { return }
    for index in adjust {
      guard case .literal(let value, var range) = tokens[index] else { continue }
      let removed = value.prefix(minimum)
      range.start.column += removed.count
      range.start.byte += removed.utf8.count
      tokens[index] = .literal(String(value.dropFirst(minimum)), range)
    }
  }

  /// Joins consecutive literals into one, after all trimming (in place).
  static func meldLiterals(_ tokens: inout [TemplateToken]) {
    var write = 0
    for read in tokens.indices {
      if write > 0, case .literal(let value, let range) = tokens[read],
        case .literal(let previous, let previousRange) = tokens[write - 1]
      {
        var merged = previousRange
        merged.end = range.end
        tokens[write - 1] = .literal(previous + value, merged)
        continue
      }
      if write != read { tokens[write] = tokens[read] }
      write += 1
    }
    tokens.removeLast(tokens.count - write)
  }
}
