/// A strict JSON parser (RFC 8259) into `JSON`, keeping key order and number text.
///
/// It works on bytes, rejects anything the grammar does not allow (trailing commas, leading
/// zeros, raw control characters, invalid UTF-8, lone surrogates) and limits nesting so that a
/// hostile file cannot exhaust the stack. Every loop advances `position` or stops.
public struct JSONParser {
  /// Why a text is not JSON, with the 1-based line and column of the offending byte.
  public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int
    public var description: String { "line \(line), column \(column): \(message)" }
  }

  /// Deeper nesting is refused rather than risking the stack.
  public static let maximumDepth = 256

  let bytes: [UInt8]
  var position = 0

  private init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// Parses one JSON value surrounded by optional whitespace.
  public static func parse<Bytes: Sequence>(_ input: Bytes) throws(Failure) -> JSON
  where Bytes.Element == UInt8 {
    var parser = JSONParser(Array(input))
    parser.skipSpace()
    let value = try parser.value(depth: 0)
    parser.skipSpace()
    guard parser.position == parser.bytes.count else {
      throw parser.failure("unexpected text after the JSON value")
    }
    return value
  }

  public static func parse(_ text: String) throws(Failure) -> JSON {
    try parse(Array(text.utf8))
  }

  // MARK: - Values

  private mutating func value(depth: Int) throws(Failure) -> JSON {
    guard depth < Self.maximumDepth else { throw failure("nesting deeper than \(Self.maximumDepth) levels") }
    guard position < bytes.count else { throw failure("unexpected end of input") }
    switch bytes[position] {
    case UInt8(ascii: "{"): return try object(depth: depth)
    case UInt8(ascii: "["): return try array(depth: depth)
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): try keyword("true"); return .bool(true)
    case UInt8(ascii: "f"): try keyword("false"); return .bool(false)
    case UInt8(ascii: "n"): try keyword("null"); return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
    default: throw failure("unexpected character \(describe(bytes[position]))")
    }
  }

  private mutating func object(depth: Int) throws(Failure) -> JSON {
    position += 1  // {
    var members: [(key: String, value: JSON)] = []
    skipSpace()
    if peek(UInt8(ascii: "}")) {
      position += 1
      return .object(members)
    }
    while true {
      skipSpace()
      guard peek(UInt8(ascii: "\"")) else { throw failure("expected a string key") }
      let key = try string()
      skipSpace()
      try expect(UInt8(ascii: ":"), "expected ':' after an object key")
      skipSpace()
      members.append((key: key, value: try value(depth: depth + 1)))
      skipSpace()
      if peek(UInt8(ascii: ",")) {
        position += 1
        continue
      }
      try expect(UInt8(ascii: "}"), "expected ',' or '}' in an object")
      return .object(members)
    }
  }

  private mutating func array(depth: Int) throws(Failure) -> JSON {
    position += 1  // [
    var elements: [JSON] = []
    skipSpace()
    if peek(UInt8(ascii: "]")) {
      position += 1
      return .array(elements)
    }
    while true {
      skipSpace()
      elements.append(try value(depth: depth + 1))
      skipSpace()
      if peek(UInt8(ascii: ",")) {
        position += 1
        continue
      }
      try expect(UInt8(ascii: "]"), "expected ',' or ']' in an array")
      return .array(elements)
    }
  }

  private mutating func keyword(_ word: StaticString) throws(Failure) {
    let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    guard bytes.count - position >= expected.count,
      bytes[position..<position + expected.count].elementsEqual(expected)
    else { throw failure("invalid literal, expected \(word)") }
    position += expected.count
  }

  /// Validates a number against the grammar and returns its text unchanged.
  private mutating func number() throws(Failure) -> String {
    let start = position
    if peek(UInt8(ascii: "-")) { position += 1 }
    if peek(UInt8(ascii: "0")) {
      position += 1
      if position < bytes.count, isDigit(bytes[position]) { throw failure("leading zero in a number") }
    } else {
      guard digits() > 0 else { throw failure("expected a digit") }
    }
    if peek(UInt8(ascii: ".")) {
      position += 1
      guard digits() > 0 else { throw failure("expected a digit after '.'") }
    }
    if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
      position += 1
      if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { position += 1 }
      guard digits() > 0 else { throw failure("expected a digit in the exponent") }
    }
    return String(decoding: bytes[start..<position], as: UTF8.self)
  }

  private mutating func digits() -> Int {
    let start = position
    while position < bytes.count, isDigit(bytes[position]) { position += 1 }
    return position - start
  }

  // MARK: - Helpers

  mutating func skipSpace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x09, 0x0A, 0x0D: position += 1
      default: return
      }
    }
  }

  private func peek(_ byte: UInt8) -> Bool { position < bytes.count && bytes[position] == byte }

  private mutating func expect(_ byte: UInt8, _ message: String) throws(Failure) {
    guard peek(byte) else {
      throw failure(position < bytes.count ? message : "unexpected end of input")
    }
    position += 1
  }

  private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

  private func describe(_ byte: UInt8) -> String {
    byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
  }

  func failure(_ message: String) -> Failure {
    var line = 1
    var column = 1
    for byte in bytes[0..<min(position, bytes.count)] {
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return Failure(message: message, line: line, column: column)
  }
}
