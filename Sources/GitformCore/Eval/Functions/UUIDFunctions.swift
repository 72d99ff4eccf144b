/// `uuid()` (random, version 4) and `uuidv5(namespace, name)` (name-based with SHA-1,
/// RFC 9562 §5.5).
enum UUIDFunctions {
  static let all: [Function] = [
    Function("uuid", [], returns: .string) { _, environment in
      // A new value every call: like `timestamp()`, only known when applying.
      guard environment.mode == .apply else { return .unknown(.string) }
      var generator = SystemRandomNumberGenerator()
      var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
      bytes[6] = bytes[6] & 0x0f | 0x40
      bytes[8] = bytes[8] & 0x3f | 0x80
      return .string(format(bytes))
    },
    Function(
      "uuidv5", [StringFunctions.string("namespace"), StringFunctions.string("name")],
      returns: .string
    ) { args, _ in
      let given = args[0].stringValue ?? ""
      let namespace: [UInt8]
      if let known = namespaces[given] {
        namespace = known
      } else {
        switch parse(given) {
        case .success(let bytes): namespace = bytes
        case .failure(let reason):
          throw FunctionError.call(
            "uuidv5() doesn't support namespace \(given) (\(reason.message))")
        }
      }
      return .string(version5(namespace: namespace, name: Array((args[1].stringValue ?? "").utf8)))
    },
  ]

  /// RFC 9562 §6.6's namespaces, by the names Terraform accepts.
  static let namespaces: [String: [UInt8]] = [
    "dns": parsed("6ba7b810-9dad-11d1-80b4-00c04fd430c8"),
    "url": parsed("6ba7b811-9dad-11d1-80b4-00c04fd430c8"),
    "oid": parsed("6ba7b812-9dad-11d1-80b4-00c04fd430c8"),
    "x500": parsed("6ba7b814-9dad-11d1-80b4-00c04fd430c8"),
  ]

  private static func parsed(_ text: String) -> [UInt8] {
    (try? parse(text).get()) ?? []
  }

  static func version5(namespace: [UInt8], name: [UInt8]) -> String {
    var bytes = Array(SHA1.hash(namespace + name).prefix(16))
    bytes[6] = bytes[6] & 0x0f | 0x50
    bytes[8] = bytes[8] & 0x3f | 0x80
    return format(bytes)
  }

  static func format(_ bytes: [UInt8]) -> String {
    let hex = Hex.string(bytes)
    var out = ""
    for (index, character) in hex.enumerated() {
      if [8, 12, 16, 20].contains(index) { out += "-" }
      out.append(character)
    }
    return out
  }

  struct ParseFailure: Error {
    var message: String
  }

  /// `google/uuid`'s `Parse`: 36 characters with dashes, optionally in `{}` or after
  /// `urn:uuid:`, or 32 hex digits.
  static func parse(_ text: String) -> Result<[UInt8], ParseFailure> {
    var body = Array(text.utf8)
    switch body.count {
    case 36: break
    case 45:
      guard String(decoding: body.prefix(9), as: UTF8.self).lowercased() == "urn:uuid:" else {
        return .failure(
          ParseFailure(
            message:
              "invalid urn prefix: \(StringQuoting.quote(String(decoding: body.prefix(9), as: UTF8.self), .go))"
          ))
      }
      body = Array(body.dropFirst(9))
    case 38:
      guard body.first == UInt8(ascii: "{"), body.last == UInt8(ascii: "}") else {
        return .failure(ParseFailure(message: "invalid bracketed UUID format"))
      }
      body = Array(body.dropFirst().dropLast())
    case 32:
      return hexBytes(body).map { .success($0) }
        ?? .failure(ParseFailure(message: "invalid UUID format"))
    default:
      return .failure(ParseFailure(message: "invalid UUID length: \(body.count)"))
    }
    guard [8, 13, 18, 23].allSatisfy({ body[$0] == UInt8(ascii: "-") }) else {
      return .failure(ParseFailure(message: "invalid UUID format"))
    }
    let digits = body.enumerated().filter { ![8, 13, 18, 23].contains($0.offset) }.map(\.element)
    return hexBytes(digits).map { .success($0) }
      ?? .failure(ParseFailure(message: "invalid UUID format"))
  }

  private static func hexBytes(_ digits: [UInt8]) -> [UInt8]? {
    var bytes: [UInt8] = []
    var index = 0
    while index + 1 < digits.count {
      guard let high = hexValue(digits[index]), let low = hexValue(digits[index + 1]) else {
        return nil
      }
      bytes.append(high << 4 | low)
      index += 2
    }
    return bytes
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 48...57: return byte - 48
    case 97...102: return byte - 87
    case 65...70: return byte - 55
    default: return nil
    }
  }
}
