/// Strict UTF-8 decoding of one scalar at a byte offset, for the lexer.
///
/// Strict means what the Unicode standard calls well-formed: no overlong forms, no surrogates,
/// nothing above U+10FFFF, no truncated sequences. Foundation offers whole-string validation
/// only; the lexer needs to know where a bad byte is and how long a good scalar is.
enum UTF8Scalar {
  /// The scalar starting at `i` and its length in bytes, or nil when the bytes there are not
  /// well-formed UTF-8 (including when `i` is a continuation byte).
  static func decode(_ bytes: [UInt8], at i: Int) -> (scalar: Unicode.Scalar, length: Int)? {
    let count = bytes.count
    guard i < count else { return nil }
    let b0 = bytes[i]
    if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
    func continuation(_ j: Int) -> UInt32? {
      guard j < count, bytes[j] & 0xC0 == 0x80 else { return nil }
      return UInt32(bytes[j] & 0x3F)
    }
    var value: UInt32
    var length: Int
    switch b0 {
    case 0xC2...0xDF:
      guard let c1 = continuation(i + 1) else { return nil }
      value = UInt32(b0 & 0x1F) << 6 | c1
      length = 2
    case 0xE0...0xEF:
      guard let c1 = continuation(i + 1), let c2 = continuation(i + 2) else { return nil }
      value = UInt32(b0 & 0x0F) << 12 | c1 << 6 | c2
      guard value >= 0x800, !(0xD800...0xDFFF).contains(value) else { return nil }
      length = 3
    case 0xF0...0xF4:
      guard let c1 = continuation(i + 1), let c2 = continuation(i + 2),
        let c3 = continuation(i + 3)
      else { return nil }
      value = UInt32(b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
      guard value >= 0x10000, value <= 0x10FFFF else { return nil }
      length = 4
    default:
      return nil
    }
    guard let scalar = Unicode.Scalar(value) else { return nil }
    return (scalar, length)
  }

  /// The offset of the first byte that is not well-formed UTF-8, or nil when all are.
  static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
    var i = 0
    let count = bytes.count
    while i < count {
      // ASCII runs, the common case, eight bytes at a time.
      let asciiRun = bytes.withUnsafeBytes { buffer -> Int in
        var j = i
        while j + 8 <= count, buffer.loadUnaligned(fromByteOffset: j, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
          j += 8
        }
        return j
      }
      i = asciiRun
      guard i < count else { break }
      if bytes[i] < 0x80 {
        i += 1
        continue
      }
      guard let (_, length) = decode(bytes, at: i) else { return i }
      i += length
    }
    return nil
  }
}
