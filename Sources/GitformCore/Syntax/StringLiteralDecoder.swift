/// Decodes the text of a template literal token: backslash escapes (quoted strings only) and
/// the `$${` / `%%{` template escapes (both quoted strings and heredocs).
///
/// Errors match hclsyntax's `ParseStringLiteralToken`, with ranges narrowed to the bad escape.
enum StringLiteralDecoder {
  static func decode(_ token: Token, quoted: Bool) -> (value: String, diagnostics: [Diagnostic]) {
    let bytes = token.bytes
    // Fast path: most literals have no backslash, `$` or `%`, and decode to themselves.
    if !bytes.contains(where: { $0 == 0x5C || $0 == 0x24 || $0 == 0x25 }) {
      return (String(decoding: bytes, as: UTF8.self), [])
    }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var diagnostics: [Diagnostic] = []
    var i = bytes.startIndex
    let end = bytes.endIndex

    func report(_ detail: String, from start: Int, to stop: Int) {
      diagnostics.append(
        .error(
          "Invalid escape sequence", detail: detail, subject: subrange(token, start, stop)))
    }

    while i < end {
      let b = bytes[i]
      if quoted && b == 0x5C {  // backslash
        guard i + 1 < end else {
          report(
            "Backslash must be followed by an escape sequence selector character.", from: i,
            to: i + 1)
          output.append(b)
          i += 1
          continue
        }
        let selector = bytes[i + 1]
        switch selector {
        case 0x6E: output.append(0x0A)
        case 0x72: output.append(0x0D)
        case 0x74: output.append(0x09)
        case 0x22: output.append(0x22)
        case 0x5C: output.append(0x5C)
        case 0x75, 0x55:  // u, U
          let wanted = selector == 0x75 ? 4 : 8
          var j = i + 2
          while j < end, j - (i + 2) < wanted, isHex(bytes[j]) { j += 1 }
          guard j - (i + 2) == wanted else {
            report(
              selector == 0x75
                ? "The \\u escape sequence must be followed by four hexadecimal digits."
                : "The \\U escape sequence must be followed by eight hexadecimal digits.",
              from: i, to: j)
            output.append(contentsOf: bytes[i..<j])
            i = j
            continue
          }
          let hex = String(decoding: bytes[(i + 2)..<j], as: UTF8.self)
          if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
            output.append(contentsOf: Array(String(Character(scalar)).utf8))
          } else {
            let value = UInt32(hex, radix: 16) ?? 0
            let digits = String(value, radix: 16)
            let padded = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
            report("Cannot encode character U+\(padded) in UTF-8.", from: i, to: j)
          }
          i = j
          continue
        default:
          let length = UTF8Scalar.decode(Array(bytes[(i + 1)..<min(end, i + 5)]), at: 0)?.length ?? 1
          let symbol = String(decoding: bytes[(i + 1)..<(i + 1 + length)], as: UTF8.self)
          report(
            "The symbol \(StringQuoting.quote(symbol, .go)) is not a valid escape sequence selector.",
            from: i, to: i + 1 + length)
          output.append(contentsOf: bytes[(i + 1)..<(i + 1 + length)])
          i += 1 + length
          continue
        }
        i += 2
        continue
      }
      if (b == 0x24 || b == 0x25) && i + 2 < end && bytes[i + 1] == b && bytes[i + 2] == 0x7B {
        output.append(b)
        output.append(0x7B)
        i += 3
        continue
      }
      output.append(b)
      i += 1
    }
    return (String(decoding: output, as: UTF8.self), diagnostics)
  }

  private static func isHex(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66) || (b >= 0x41 && b <= 0x46)
  }

  /// The range of bytes `start..<stop` of a single-line token, in source coordinates.
  static func subrange(_ token: Token, _ start: Int, _ stop: Int) -> SourceRange {
    let base = token.range.start
    let bytes = token.bytes
    func column(_ offset: Int) -> Int {
      base.column + String(decoding: bytes[bytes.startIndex..<offset], as: UTF8.self).count
    }
    let delta = bytes.startIndex - base.byte
    return SourceRange(
      filename: token.range.filename,
      start: SourcePosition(line: base.line, column: column(start), byte: start - delta),
      end: SourcePosition(line: base.line, column: column(stop), byte: stop - delta))
  }
}
