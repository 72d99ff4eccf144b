/// The character encodings `textencodebase64` and `textdecodebase64` support, by their IANA
/// names and aliases (case-insensitive), reported by the name Terraform's `ianaindex` gives.
///
/// Terraform knows every encoding of `golang.org/x/text`; gitform supports the Unicode ones
/// and the Latin ones token tooling meets (US-ASCII, ISO-8859-1, windows-1252). Any other
/// name is refused with Terraform's "not a supported IANA encoding name" message.
struct TextEncoding {
  enum Kind { case utf8, utf16, utf16LE, utf16BE, ascii, latin1, windows1252 }

  let kind: Kind
  let name: String

  private static let aliases: [String: (Kind, String)] = {
    var table: [String: (Kind, String)] = [:]
    func add(_ kind: Kind, _ name: String, _ names: [String]) {
      for alias in names + [name] { table[alias.lowercased()] = (kind, name) }
    }
    add(.utf8, "UTF-8", ["csUTF8"])
    add(.utf16, "UTF-16", ["csUTF16"])
    add(.utf16LE, "UTF-16LE", ["csUTF16LE"])
    add(.utf16BE, "UTF-16BE", ["csUTF16BE"])
    add(
      .ascii, "US-ASCII",
      [
        "iso-ir-6", "ANSI_X3.4-1968", "ANSI_X3.4-1986", "ISO_646.irv:1991", "ISO646-US", "us",
        "IBM367", "cp367", "csASCII",
      ])
    add(
      .latin1, "ISO_8859-1:1987",
      ["ISO-8859-1", "iso-ir-100", "ISO_8859-1", "latin1", "l1", "IBM819", "CP819", "csISOLatin1"])
    add(.windows1252, "windows-1252", ["cswindows1252"])
    return table
  }()

  static func named(_ name: String) throws -> TextEncoding {
    guard let (kind, canonical) = aliases[name.lowercased()] else {
      throw FunctionError.argument(
        index: 1,
        "\(StringQuoting.quote(name, .go)) is not a supported IANA encoding name or alias in this Terraform "
          + "version")
    }
    return TextEncoding(kind: kind, name: canonical)
  }

  /// windows-1252's 0x80–0x9F; 0 marks the five undefined bytes.
  private static let windows1252High: [UInt32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
  ]

  /// The bytes of `text`, or nil when a character has no code in this encoding.
  func encode(_ text: String) -> [UInt8]? {
    switch kind {
    case .utf8: return Array(text.utf8)
    case .utf16, .utf16BE:
      let body = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xff)] }
      // Go's "UTF-16" writes a big-endian byte order mark.
      return kind == .utf16 ? [0xFE, 0xFF] + body : body
    case .utf16LE: return text.utf16.flatMap { [UInt8($0 & 0xff), UInt8($0 >> 8)] }
    case .ascii, .latin1, .windows1252:
      var bytes: [UInt8] = []
      for scalar in text.unicodeScalars {
        guard let byte = singleByte(scalar) else { return nil }
        bytes.append(byte)
      }
      return bytes
    }
  }

  private func singleByte(_ scalar: Unicode.Scalar) -> UInt8? {
    let value = scalar.value
    switch kind {
    case .ascii: return value < 0x80 ? UInt8(value) : nil
    case .latin1: return value < 0x100 ? UInt8(value) : nil
    default:
      if value < 0x80 || (0xA0..<0x100).contains(value) { return UInt8(value) }
      guard value != 0, let index = Self.windows1252High.firstIndex(of: value) else { return nil }
      return UInt8(0x80 + index)
    }
  }

  /// The text of `bytes`, or nil when they are not valid in this encoding.
  func decode(_ bytes: [UInt8]) -> String? {
    switch kind {
    case .utf8: return String(validating: bytes, as: UTF8.self)
    case .utf16, .utf16BE, .utf16LE:
      var body = bytes[...]
      var littleEndian = kind == .utf16LE
      if kind == .utf16, body.count >= 2 {
        if body.starts(with: [0xFE, 0xFF]) {
          body = body.dropFirst(2)
        } else if body.starts(with: [0xFF, 0xFE]) {
          body = body.dropFirst(2)
          littleEndian = true
        }
      }
      guard body.count % 2 == 0 else { return nil }
      let units = stride(from: body.startIndex, to: body.endIndex, by: 2).map { i -> UInt16 in
        littleEndian
          ? UInt16(body[i]) | UInt16(body[i + 1]) << 8 : UInt16(body[i]) << 8 | UInt16(body[i + 1])
      }
      return String(validating: units, as: UTF16.self)
    case .ascii, .latin1, .windows1252:
      var scalars = String.UnicodeScalarView()
      for byte in bytes {
        var value = UInt32(byte)
        if kind == .ascii && byte >= 0x80 { return nil }
        if kind == .windows1252 && (0x80..<0xA0).contains(byte) {
          value = Self.windows1252High[Int(byte) - 0x80]
          if value == 0 { return nil }
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        scalars.append(scalar)
      }
      return String(scalars)
    }
  }
}
