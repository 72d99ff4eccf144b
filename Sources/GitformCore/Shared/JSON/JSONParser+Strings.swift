extension JSONParser {
  /// Reads a string literal at `position` (which holds the opening quote), decoding escapes.
  mutating func string() throws(Failure) -> String {
    position += 1  // opening quote
    var scalars: [UInt8] = []
    while true {
      guard position < bytes.count else { throw failure("unterminated string") }
      let byte = bytes[position]
      switch byte {
      case UInt8(ascii: "\""):
        position += 1
        guard let text = String(validating: scalars, as: UTF8.self) else {
          throw failure("invalid UTF-8 in a string")
        }
        return text
      case UInt8(ascii: "\\"):
        position += 1
        try escape(into: &scalars)
      case 0..<0x20:
        throw failure("control character in a string (it must be escaped)")
      default:
        // Copy the run of plain bytes up to the next quote, backslash or control character.
        let start = position
        while position < bytes.count, bytes[position] >= 0x20, bytes[position] != UInt8(ascii: "\""),
          bytes[position] != UInt8(ascii: "\\")
        {
          position += 1
        }
        scalars.append(contentsOf: bytes[start..<position])
      }
    }
  }

  /// Decodes the escape after a backslash and appends its UTF-8 bytes.
  private mutating func escape(into output: inout [UInt8]) throws(Failure) {
    guard position < bytes.count else { throw failure("unterminated string") }
    let byte = bytes[position]
    position += 1
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(byte)
    case UInt8(ascii: "b"): output.append(0x08)
    case UInt8(ascii: "f"): output.append(0x0C)
    case UInt8(ascii: "n"): output.append(0x0A)
    case UInt8(ascii: "r"): output.append(0x0D)
    case UInt8(ascii: "t"): output.append(0x09)
    case UInt8(ascii: "u"):
      var code = try hexQuad()
      if (0xD800..<0xDC00).contains(code) {
        // A high surrogate must be followed by an escaped low surrogate.
        guard bytes.count - position >= 2, bytes[position] == UInt8(ascii: "\\"),
          bytes[position + 1] == UInt8(ascii: "u")
        else { throw failure("unpaired surrogate in a \\u escape") }
        position += 2
        let low = try hexQuad()
        guard (0xDC00..<0xE000).contains(low) else { throw failure("unpaired surrogate in a \\u escape") }
        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
      } else if (0xDC00..<0xE000).contains(code) {
        throw failure("unpaired surrogate in a \\u escape")
      }
      guard let scalar = Unicode.Scalar(code) else { throw failure("invalid \\u escape") }
      UTF8.encode(scalar) { output.append($0) }
    default:
      position -= 1
      throw failure("invalid escape sequence")
    }
  }

  private mutating func hexQuad() throws(Failure) -> UInt32 {
    guard bytes.count - position >= 4 else { throw failure("incomplete \\u escape") }
    var code: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[position]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw failure("invalid hex digit in a \\u escape")
      }
      code = code << 4 | digit
      position += 1
    }
    return code
  }
}
