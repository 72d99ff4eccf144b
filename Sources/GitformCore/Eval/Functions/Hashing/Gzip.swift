/// A gzip member (RFC 1952) holding its data in stored (uncompressed) deflate blocks
/// (RFC 1951 §3.2.4), for `base64gzip`.
///
/// Any gzip reader restores the exact input, which is what the function promises. The bytes
/// differ from Terraform's, whose Go `compress/flate` encoder actually compresses: writing a
/// byte-identical copy of Go's encoder is out of proportion for a function that feeds
/// user-data fields, so gitform's results are larger and not equal to Terraform's.
enum Gzip {
  static func compress(_ bytes: [UInt8]) -> [UInt8] {
    // Magic, deflate, no flags, no modification time, no extra flags, unknown OS (as Go).
    var out: [UInt8] = [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]
    var offset = 0
    repeat {
      let length = min(65_535, bytes.count - offset)
      let final = offset + length == bytes.count
      out.append(final ? 0x01 : 0x00)
      out += [UInt8(length & 0xff), UInt8(length >> 8)]
      out += [UInt8(~length & 0xff), UInt8((~length >> 8) & 0xff)]
      out += bytes[offset..<offset + length]
      offset += length
    } while offset < bytes.count
    out += littleEndian(CRC32.checksum(bytes))
    out += littleEndian(UInt32(truncatingIfNeeded: bytes.count))
    return out
  }

  private static func littleEndian(_ value: UInt32) -> [UInt8] {
    (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * UInt32($0))) }
  }
}
