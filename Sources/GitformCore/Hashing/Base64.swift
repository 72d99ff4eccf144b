/// Base64 (RFC 4648 §4, standard alphabet, padded), as Go's `base64.StdEncoding` encodes and
/// decodes it: padding is required and `\r` and `\n` are skipped while decoding.
enum Base64 {
  private static let alphabet = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  static func encode(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity((bytes.count + 2) / 3 * 4)
    var i = 0
    while i < bytes.count {
      let b0 = bytes[i]
      let b1 = i + 1 < bytes.count ? bytes[i + 1] : 0
      let b2 = i + 2 < bytes.count ? bytes[i + 2] : 0
      out.append(alphabet[Int(b0 >> 2)])
      out.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
      out.append(
        i + 1 < bytes.count ? alphabet[Int((b1 & 0x0f) << 2 | b2 >> 6)] : UInt8(ascii: "="))
      out.append(i + 2 < bytes.count ? alphabet[Int(b2 & 0x3f)] : UInt8(ascii: "="))
      i += 3
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The decoded bytes, or the offset Go's decoder reports as corrupt (its `decodeQuantum`
  /// step by step, so the offsets in messages match Terraform's).
  static func decode(_ text: String) -> Result<[UInt8], DecodeFailure> {
    let src = Array(text.utf8)
    var out: [UInt8] = []
    var si = 0
    func isNewline(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }
    while si < src.count {
      var quantum: [UInt8] = []
      var j = 0
      var finished = false
      while j < 4 {
        if si == src.count {
          if j == 0 { return .success(out) }
          return .failure(DecodeFailure(offset: si - j))
        }
        let byte = src[si]
        si += 1
        if let value = sextet(byte) {
          quantum.append(value)
          j += 1
          continue
        }
        if isNewline(byte) { continue }
        guard byte == UInt8(ascii: "="), j >= 2 else {
          return .failure(DecodeFailure(offset: si - 1))
        }
        if j == 2 {
          while si < src.count && isNewline(src[si]) { si += 1 }
          guard si < src.count else { return .failure(DecodeFailure(offset: src.count)) }
          guard src[si] == UInt8(ascii: "=") else { return .failure(DecodeFailure(offset: si - 1)) }
          si += 1
        }
        while si < src.count && isNewline(src[si]) { si += 1 }
        if si < src.count { return .failure(DecodeFailure(offset: si)) }
        finished = true
        break
      }
      out.append(quantum[0] << 2 | quantum[1] >> 4)
      if quantum.count > 2 { out.append(quantum[1] << 4 | quantum[2] >> 2) }
      if quantum.count > 3 { out.append(quantum[2] << 6 | quantum[3]) }
      if finished { break }
      while si < src.count && isNewline(src[si]) { si += 1 }
    }
    return .success(out)
  }

  struct DecodeFailure: Error, Equatable {
    /// Where the input stops being Base64, as Go's `CorruptInputError`.
    var offset: Int
  }

  private static func sextet(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte - 65
    case UInt8(ascii: "a")...UInt8(ascii: "z"): return byte - 97 + 26
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - 48 + 52
    case UInt8(ascii: "+"): return 62
    case UInt8(ascii: "/"): return 63
    default: return nil
    }
  }
}
