/// The main (expression and structure) mode of the lexer.
extension TokenScanner {
  mutating func scanMain() {
    let b = source[offset]
    let next = byte(at: offset + 1)
    switch b {
    case 0x20, 0x09:  // spaces and tabs
      var j = offset + 1
      while j < source.count, source[j] == 0x20 || source[j] == 0x09 { j += 1 }
      skipWhitespace(length: j - offset)
    case 0x0A:
      emit(.newline, length: 1)
    case 0x0D:
      if next == 0x0A {
        emit(.newline, length: 2)
      } else {
        emitASCII(.invalid, length: 1)
      }
    case 0x30...0x39:
      emitASCII(.numberLiteral, length: numberLength())
    case 0x23:  // #
      emit(.comment, length: lineCommentLength())
    case 0x2F:  // /
      if next == 0x2F {
        emit(.comment, length: lineCommentLength())
      } else if next == 0x2A {
        scanBlockComment()
      } else {
        emitASCII(.slash, length: 1)
      }
    case 0x22:  // "
      emitASCII(.openQuote, length: 1)
      modes.append(.quoted)
    case 0x3C:  // <
      if next == 0x3C, let (length, marker) = heredocIntroducer() {
        emit(.openHeredoc, length: length)
        heredocs.append(Heredoc(marker: marker, startOfLine: true))
        modes.append(.heredoc)
      } else {
        emitASCII(next == 0x3D ? .lessThanOrEqual : .lessThan, length: next == 0x3D ? 2 : 1)
      }
    case 0x3E:  // >
      emitASCII(next == 0x3D ? .greaterThanOrEqual : .greaterThan, length: next == 0x3D ? 2 : 1)
    case 0x3D:  // =
      if next == 0x3D {
        emitASCII(.equalOp, length: 2)
      } else if next == 0x3E {
        emitASCII(.fatArrow, length: 2)
      } else {
        emitASCII(.equal, length: 1)
      }
    case 0x21:  // !
      emitASCII(next == 0x3D ? .notEqual : .bang, length: next == 0x3D ? 2 : 1)
    case 0x26:  // &
      emitASCII(next == 0x26 ? .and : .bitwiseAnd, length: next == 0x26 ? 2 : 1)
    case 0x7C:  // |
      emitASCII(next == 0x7C ? .or : .bitwiseOr, length: next == 0x7C ? 2 : 1)
    case 0x2E:  // .
      if next == 0x2E, byte(at: offset + 2) == 0x2E {
        emitASCII(.ellipsis, length: 3)
      } else {
        emitASCII(.dot, length: 1)
      }
    case 0x7B:  // {
      emitASCII(.openBrace, length: 1)
      braces += 1
    case 0x7D:  // }
      closeBrace(length: 1, alwaysSequenceEnd: false)
    case 0x7E:  // ~
      if next == 0x7D {
        closeBrace(length: 2, alwaysSequenceEnd: true)
      } else {
        emitASCII(.bitwiseNot, length: 1)
      }
    case 0x5B: emitASCII(.openBracket, length: 1)
    case 0x5D: emitASCII(.closeBracket, length: 1)
    case 0x28: emitASCII(.openParen, length: 1)
    case 0x29: emitASCII(.closeParen, length: 1)
    case 0x2C: emitASCII(.comma, length: 1)
    case 0x2A: emitASCII(.star, length: 1)
    case 0x25: emitASCII(.percent, length: 1)
    case 0x2B: emitASCII(.plus, length: 1)
    case 0x2D: emitASCII(.minus, length: 1)
    case 0x3F: emitASCII(.question, length: 1)
    case 0x3A: emitASCII(.colon, length: 1)
    case 0x5E: emitASCII(.bitwiseXor, length: 1)
    case 0x3B: emitASCII(.semicolon, length: 1)
    case 0x60: emitASCII(.backtick, length: 1)
    case 0x27: emitASCII(.apostrophe, length: 1)
    case 0x61...0x7A, 0x41...0x5A, 0x5F:  // ASCII letters and underscore
      let ascii = asciiIdentifierLength(at: offset)
      if ascii > 0 {
        emitASCII(.identifier, length: ascii)
      } else {
        emit(.identifier, length: identifierLength(at: offset))
      }
    default:
      let identifier = identifierLength(at: offset)
      if identifier > 0 {
        emit(.identifier, length: identifier)
      } else if let (_, length) = UTF8Scalar.decode(source, at: offset) {
        emit(.invalid, length: length)
      } else {
        emit(.badUTF8, length: 1)
      }
    }
  }

  /// `}` or `~}`: the end of a template sequence when the brace count says so, else a brace.
  /// A `~}` that closes no sequence is still a sequence end, so the parser can point at it.
  private mutating func closeBrace(length: Int, alwaysSequenceEnd: Bool) {
    if let top = returnBraces.last, top == braces {
      emitASCII(.templateSequenceEnd, length: length)
      braces -= 1
      returnBraces.removeLast()
      if modes.count > 1 { modes.removeLast() }
    } else {
      emitASCII(alwaysSequenceEnd ? .templateSequenceEnd : .closeBrace, length: length)
      braces -= 1
    }
  }

  /// `digit (digit | '.' | [eE][+-]?digit)*`, never ending in a dot: `1.` is a number and a
  /// dot, `0.0.1` is one (invalid) number, `1e` is a number and an identifier.
  private func numberLength() -> Int {
    var i = offset + 1
    var end = i
    while i < source.count {
      let b = source[i]
      if b >= 0x30 && b <= 0x39 {
        i += 1
        end = i
      } else if b == 0x2E {
        i += 1
      } else if b == 0x65 || b == 0x45 {
        var j = i + 1
        if let sign = byte(at: j), sign == 0x2B || sign == 0x2D { j += 1 }
        guard let digit = byte(at: j), digit >= 0x30 && digit <= 0x39 else { break }
        i = j + 1
        end = i
      } else {
        break
      }
    }
    return end - offset
  }

  /// A `#` or `//` comment runs to the end of the line and includes its newline.
  private func lineCommentLength() -> Int {
    var i = offset
    while i < source.count, source[i] != 0x0A { i += 1 }
    return (i < source.count ? i + 1 : i) - offset
  }

  private mutating func scanBlockComment() {
    var i = offset + 2
    while i + 1 < source.count {
      if source[i] == 0x2A && source[i + 1] == 0x2F {
        emit(.comment, length: i + 2 - offset)
        return
      }
      i += 1
    }
    let start = position
    let opener = SourceRange(
      filename: filename, start: start,
      end: SourcePosition(line: start.line, column: start.column + 2, byte: start.byte + 2))
    emit(.comment, length: source.count - offset)
    diagnostics.append(
      .error(
        "Unterminated comment",
        detail: "There is no closing \"*/\" for this comment before the end of the file.",
        subject: opener))
  }

  /// `<<` or `<<-`, an identifier and a newline: the token's length and the marker.
  private func heredocIntroducer() -> (Int, ArraySlice<UInt8>)? {
    var i = offset + 2
    if byte(at: i) == 0x2D { i += 1 }
    let identifier = identifierLength(at: i)
    guard identifier > 0 else { return nil }
    let marker = source[i..<(i + identifier)]
    let newline = newlineLength(at: i + identifier)
    guard newline > 0 else { return nil }
    return (i + identifier + newline - offset, marker)
  }
}
