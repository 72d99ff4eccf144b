/// A JSON parser producing HCL values, for `jsondecode`: objects become objects, arrays
/// tuples, numbers exact decimals (never `Double`). Messages follow Go's `encoding/json`.
struct JSONValueParser {
  struct Failure: Error, Equatable {
    var message: String
  }

  /// Deeper nesting is refused rather than risking the stack.
  /// Past `StackBudget.checkedFromDepth` levels the thread's remaining stack is checked too,
  /// as the parser and evaluator do, so `jsondecode` is safe on any thread.
  static let maximumDepth = 512

  private let bytes: [UInt8]
  private var position = 0
  private var stackBudget: StackBudget?

  private init(_ text: String) { bytes = Array(text.utf8) }

  static func parse(_ text: String) -> Result<Value, Failure> {
    var parser = JSONValueParser(text)
    do {
      parser.skipSpace()
      let value = try parser.value(depth: 0)
      parser.skipSpace()
      guard parser.position == parser.bytes.count else {
        throw Failure(message: "extraneous data after JSON object")
      }
      return .success(value)
    } catch let failure as Failure {
      return .failure(failure)
    } catch {
      return .failure(Failure(message: "\(error)"))
    }
  }

  private mutating func skipSpace() {
    while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) {
      position += 1
    }
  }

  /// Go's words: input ending between tokens is "EOF", inside a token "unexpected EOF".
  private func unexpected(_ context: String) -> Failure {
    guard position < bytes.count else { return Failure(message: "unexpected EOF") }
    let character = String(decoding: [bytes[position]], as: UTF8.self)
    return Failure(message: "invalid character '\(character)' \(context)")
  }

  private mutating func value(depth: Int) throws -> Value {
    if depth >= StackBudget.checkedFromDepth && stackBudget == nil { stackBudget = StackBudget() }
    guard depth < Self.maximumDepth, stackBudget?.hasRoom() ?? true else {
      throw Failure(message: "exceeded max depth")
    }
    guard position < bytes.count else { throw Failure(message: "EOF") }
    switch bytes[position] {
    case UInt8(ascii: "{"): return try object(depth: depth)
    case UInt8(ascii: "["): return try array(depth: depth)
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .true)
    case UInt8(ascii: "f"): return try literal("false", .false)
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    default: throw unexpected("looking for beginning of value")
    }
  }

  private mutating func literal(_ word: String, _ result: Value) throws -> Value {
    for byte in word.utf8 {
      guard position < bytes.count, bytes[position] == byte else {
        throw unexpected(
          "in literal \(word) (expecting '\(String(decoding: [byte], as: UTF8.self))')")
      }
      position += 1
    }
    return result
  }

  /// JSON's number grammar exactly (`-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`), so
  /// `01` and `1.` are refused as Go refuses them.
  private mutating func number() throws -> Value {
    let start = position
    func digits() { while position < bytes.count, isDigit(bytes[position]) { position += 1 } }
    func require(_ context: String) throws {
      guard position < bytes.count else { throw Failure(message: "unexpected EOF") }
      guard isDigit(bytes[position]) else { throw unexpected(context) }
    }
    if bytes[position] == UInt8(ascii: "-") { position += 1 }
    try require("in numeric literal")
    if bytes[position] == UInt8(ascii: "0") { position += 1 } else { digits() }
    if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
      position += 1
      try require("after decimal point in numeric literal")
      digits()
    }
    if position < bytes.count,
      bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E")
    {
      position += 1
      if position < bytes.count,
        bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
      {
        position += 1
      }
      try require("in exponent of numeric literal")
      digits()
    }
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    switch NumberFormatting.parse(text) {
    case .success(let n): return .number(n)
    case .failure:
      throw Failure(message: "number \(text) is beyond the precision of gitform's numbers")
    }
  }

  private func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

  private mutating func string() throws -> String {
    position += 1
    var scalars = String.UnicodeScalarView()
    var chunkStart = position
    func flush(_ end: Int) {
      scalars.append(
        contentsOf: String(decoding: bytes[chunkStart..<end], as: UTF8.self).unicodeScalars)
    }
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        flush(position)
        position += 1
        return String(scalars)
      }
      if byte < 0x20 { throw unexpected("in string literal") }
      guard byte == UInt8(ascii: "\\") else {
        position += 1
        continue
      }
      flush(position)
      position += 1
      guard position < bytes.count else { break }
      let escape = bytes[position]
      position += 1
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
        var code = try hex4()
        if (0xD800..<0xDC00).contains(code), position + 1 < bytes.count,
          bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
        {
          position += 2
          let low = try hex4()
          code =
            (0xDC00..<0xE000).contains(low)
            ? 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
        }
        scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
      default:
        position -= 1
        throw unexpected("in string escape code")
      }
      chunkStart = position
    }
    throw Failure(message: "unexpected EOF")
  }

  private mutating func hex4() throws -> UInt32 {
    var code: UInt32 = 0
    for _ in 0..<4 {
      guard position < bytes.count, let digit = hexValue(bytes[position]) else {
        throw unexpected("in \\u hexadecimal character escape")
      }
      code = code * 16 + digit
      position += 1
    }
    return code
  }

  private func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case 48...57: return UInt32(byte - 48)
    case 65...70: return UInt32(byte - 55)
    case 97...102: return UInt32(byte - 87)
    default: return nil
    }
  }

  private mutating func array(depth: Int) throws -> Value {
    position += 1
    var elements: [Value] = []
    skipSpace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
      position += 1
      return .tuple(elements)
    }
    while true {
      skipSpace()
      elements.append(try value(depth: depth + 1))
      skipSpace()
      guard position < bytes.count else { throw Failure(message: "EOF") }
      if bytes[position] == UInt8(ascii: "]") {
        position += 1
        return .tuple(elements)
      }
      guard bytes[position] == UInt8(ascii: ",") else { throw unexpected("after array element") }
      position += 1
    }
  }

  private mutating func object(depth: Int) throws -> Value {
    position += 1
    var attributes: [String: Value] = [:]
    skipSpace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
      position += 1
      return .object(attributes)
    }
    while true {
      skipSpace()
      guard position < bytes.count else { throw Failure(message: "EOF") }
      guard bytes[position] == UInt8(ascii: "\"") else {
        throw unexpected("looking for beginning of object key string")
      }
      let key = try string()
      skipSpace()
      guard position < bytes.count else { throw Failure(message: "EOF") }
      guard bytes[position] == UInt8(ascii: ":") else {
        throw unexpected("after object key")
      }
      position += 1
      skipSpace()
      attributes[key] = try value(depth: depth + 1)
      skipSpace()
      guard position < bytes.count else { throw Failure(message: "EOF") }
      if bytes[position] == UInt8(ascii: "}") {
        position += 1
        return .object(attributes)
      }
      guard bytes[position] == UInt8(ascii: ",") else {
        throw unexpected("after object key:value pair")
      }
      position += 1
    }
  }
}
