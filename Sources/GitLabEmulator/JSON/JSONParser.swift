import Foundation

/// A strict recursive-descent JSON parser producing `JSONValue`.
///
/// Every step consumes at least one byte or fails, so bad input ends in an error, never a
/// loop; nesting is capped so a hostile body cannot exhaust the stack.
struct JSONParser {
  struct Failure: Error, Equatable {}

  private let bytes: [UInt8]
  private var index = 0
  private var depth = 0
  private static let maximumDepth = 200

  /// Parses one complete JSON document; trailing non-whitespace is an error.
  static func parse(_ data: Data) throws -> JSONValue {
    var parser = JSONParser(bytes: Array(data))
    let value = try parser.parseValue()
    parser.skipWhitespace()
    guard parser.index == parser.bytes.count else { throw Failure() }
    return value
  }

  private init(bytes: [UInt8]) { self.bytes = bytes }

  private mutating func skipWhitespace() {
    while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
  }

  private mutating func parseValue() throws -> JSONValue {
    skipWhitespace()
    guard index < bytes.count else { throw Failure() }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): try expect("true"); return .bool(true)
    case UInt8(ascii: "f"): try expect("false"); return .bool(false)
    case UInt8(ascii: "n"): try expect("null"); return .null
    default: return try parseNumber()
    }
  }

  private mutating func expect(_ word: String) throws {
    let expected = Array(word.utf8)
    guard index + expected.count <= bytes.count,
      Array(bytes[index..<index + expected.count]) == expected
    else { throw Failure() }
    index += expected.count
  }

  private mutating func nest<T>(_ body: (inout JSONParser) throws -> T) throws -> T {
    depth += 1
    guard depth <= JSONParser.maximumDepth else { throw Failure() }
    defer { depth -= 1 }
    return try body(&self)
  }

  private mutating func parseObject() throws -> JSONValue {
    try nest { parser in
      parser.index += 1
      var members: [(String, JSONValue)] = []
      parser.skipWhitespace()
      if parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "}") {
        parser.index += 1
        return .object(members)
      }
      while true {
        parser.skipWhitespace()
        guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "\"")
        else { throw Failure() }
        let key = try parser.parseString()
        parser.skipWhitespace()
        guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: ":")
        else { throw Failure() }
        parser.index += 1
        members.append((key, try parser.parseValue()))
        parser.skipWhitespace()
        guard parser.index < parser.bytes.count else { throw Failure() }
        let separator = parser.bytes[parser.index]
        parser.index += 1
        if separator == UInt8(ascii: "}") { return .object(members) }
        guard separator == UInt8(ascii: ",") else { throw Failure() }
      }
    }
  }

  private mutating func parseArray() throws -> JSONValue {
    try nest { parser in
      parser.index += 1
      var items: [JSONValue] = []
      parser.skipWhitespace()
      if parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "]") {
        parser.index += 1
        return .array(items)
      }
      while true {
        items.append(try parser.parseValue())
        parser.skipWhitespace()
        guard parser.index < parser.bytes.count else { throw Failure() }
        let separator = parser.bytes[parser.index]
        parser.index += 1
        if separator == UInt8(ascii: "]") { return .array(items) }
        guard separator == UInt8(ascii: ",") else { throw Failure() }
      }
    }
  }

  private mutating func parseString() throws -> String {
    index += 1  // opening quote
    var scalars = String.UnicodeScalarView()
    var raw: [UInt8] = []
    func flush() throws {
      guard !raw.isEmpty else { return }
      guard let text = String(bytes: raw, encoding: .utf8) else { throw Failure() }
      scalars.append(contentsOf: text.unicodeScalars)
      raw.removeAll()
    }
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if byte == UInt8(ascii: "\"") {
        try flush()
        return String(scalars)
      }
      if byte < 0x20 { throw Failure() }
      if byte != UInt8(ascii: "\\") {
        raw.append(byte)
        continue
      }
      try flush()
      guard index < bytes.count else { throw Failure() }
      let escape = bytes[index]
      index += 1
      switch escape {
      case UInt8(ascii: "\""): scalars.append("\"")
      case UInt8(ascii: "\\"): scalars.append("\\")
      case UInt8(ascii: "/"): scalars.append("/")
      case UInt8(ascii: "b"): scalars.append("\u{08}")
      case UInt8(ascii: "f"): scalars.append("\u{0C}")
      case UInt8(ascii: "n"): scalars.append("\n")
      case UInt8(ascii: "r"): scalars.append("\r")
      case UInt8(ascii: "t"): scalars.append("\t")
      case UInt8(ascii: "u"):
        var code = try parseHex4()
        if (0xD800..<0xDC00).contains(code) {
          try expect("\\u")
          let low = try parseHex4()
          guard (0xDC00..<0xE000).contains(low) else { throw Failure() }
          code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(code) else { throw Failure() }
        scalars.append(scalar)
      default: throw Failure()
      }
    }
    throw Failure()
  }

  private mutating func parseHex4() throws -> UInt32 {
    guard index + 4 <= bytes.count,
      let text = String(bytes: bytes[index..<index + 4], encoding: .ascii),
      let code = UInt32(text, radix: 16)
    else { throw Failure() }
    index += 4
    return code
  }

  private mutating func parseNumber() throws -> JSONValue {
    let start = index
    let allowed = Set("+-0123456789.eE".utf8)
    while index < bytes.count, allowed.contains(bytes[index]) { index += 1 }
    guard index > start, let text = String(bytes: bytes[start..<index], encoding: .ascii),
      text.first != "+"
    else { throw Failure() }
    if let number = Int(text) { return .int(number) }
    guard let number = Double(text), number.isFinite else { throw Failure() }
    return .double(number)
  }
}
