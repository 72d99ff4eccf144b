/// The quoted-string and heredoc modes of the lexer.
extension TokenScanner {
  /// Inside `"..."`: literal runs (escapes kept raw), `${`/`%{` openers, newlines (an error the
  /// parser reports) and the closing quote.
  mutating func scanQuoted() {
    let b = source[offset]
    if b == 0x22 {
      emitASCII(.closeQuote, length: 1)
      if modes.count > 1 { modes.removeLast() }
      return
    }
    if beginSequenceIfPresent() { return }
    if b == 0x0A || b == 0x0D {
      var j = offset
      while j < source.count, source[j] == 0x0A || source[j] == 0x0D { j += 1 }
      emit(.quotedNewline, length: j - offset)
      return
    }
    var i = offset
    literal: while i < source.count {
      let c = source[i]
      switch c {
      case 0x22, 0x0A, 0x0D:
        break literal
      case 0x5C:  // backslash: it and the character after it belong together
        i += 1
        if i < source.count, source[i] != 0x0A, source[i] != 0x0D {
          i += UTF8Scalar.decode(source, at: i)?.length ?? 1
        }
      case 0x24, 0x25:  // $ and %
        guard let length = templateEscapeLength(at: i) else { break literal }
        i += length
      default:
        if c < 0x80 {
          i += 1
        } else if let (_, length) = UTF8Scalar.decode(source, at: i) {
          i += length
        } else {
          break literal
        }
      }
    }
    if i > offset {
      emit(.quotedLiteral, length: i - offset)
    } else {
      emit(.badUTF8, length: 1)
    }
  }

  /// Inside a heredoc: literal text up to and including each newline (or up to a template
  /// sequence), and the closing marker, which must be alone on a line that starts in literal
  /// text. The marker line's newline is a token of its own so it can end the attribute.
  mutating func scanHeredoc() {
    if beginSequenceIfPresent() {
      if !heredocs.isEmpty { heredocs[heredocs.count - 1].startOfLine = false }
      return
    }
    var i = offset
    var endsLine = false
    literal: while i < source.count {
      let c = source[i]
      switch c {
      case 0x0A:
        i += 1
        endsLine = true
        break literal
      case 0x24, 0x25:
        guard let length = templateEscapeLength(at: i) else { break literal }
        i += length
      default:
        if c < 0x80 {
          i += 1
        } else if let (_, length) = UTF8Scalar.decode(source, at: i) {
          i += length
        } else {
          break literal
        }
      }
    }
    guard i > offset else {
      emit(.badUTF8, length: 1)
      return
    }
    guard var heredoc = heredocs.last else {
      emit(.stringLiteral, length: i - offset)
      return
    }
    if endsLine && heredoc.startOfLine && isMarkerLine(offset..<i, marker: heredoc.marker) {
      var markerEnd = i - 1
      if markerEnd > offset, source[markerEnd - 1] == 0x0D { markerEnd -= 1 }
      emit(.closeHeredoc, length: markerEnd - offset)
      emit(.newline, length: i - markerEnd)
      heredocs.removeLast()
      if modes.count > 1 { modes.removeLast() }
      return
    }
    heredoc.startOfLine = endsLine
    heredocs[heredocs.count - 1] = heredoc
    emit(.stringLiteral, length: i - offset)
  }

  /// The line's content, trimmed of whitespace on both sides, is exactly the marker.
  private func isMarkerLine(_ lineRange: Range<Int>, marker: ArraySlice<UInt8>) -> Bool {
    var start = lineRange.lowerBound
    var end = lineRange.upperBound
    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
    while start < end, isSpace(source[start]) { start += 1 }
    while end > start, isSpace(source[end - 1]) { end -= 1 }
    return source[start..<end].elementsEqual(marker)
  }

  /// At `$` or `%`: the length of literal text it starts (1 for a lone sign, 3 for the
  /// `$${`/`%%{` escapes), or nil when it opens a template sequence.
  private func templateEscapeLength(at i: Int) -> Int? {
    let sign = source[i]
    let next = byte(at: i + 1)
    if next == 0x7B { return nil }
    if next == sign, byte(at: i + 2) == 0x7B { return 3 }
    return 1
  }

  /// Emits `${`, `${~`, `%{` or `%{~` and switches to the main mode until the matching `}`.
  private mutating func beginSequenceIfPresent() -> Bool {
    let b = source[offset]
    guard b == 0x24 || b == 0x25, byte(at: offset + 1) == 0x7B else { return false }
    let length = byte(at: offset + 2) == 0x7E ? 3 : 2
    emitASCII(b == 0x24 ? .templateInterp : .templateControl, length: length)
    braces += 1
    returnBraces.append(braces)
    modes.append(.main)
    return true
  }
}
