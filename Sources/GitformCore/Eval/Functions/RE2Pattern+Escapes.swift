import Foundation

/// Escapes, Unicode classes and bracketed character classes, in RE2's meaning.
extension RE2Pattern {
  // MARK: - Escapes

  private static let digit = "0-9"
  private static let word = "0-9A-Za-z_"
  private static let space = "\\t\\n\\f\\r\\x{20}"

  mutating func escape() throws {
    let start = index
    guard let c = peek(1) else {
      throw SyntaxError(code: "trailing backslash at end of expression", expression: "")
    }
    index += 2
    canRepeat = true
    switch c {
    case "d": translated += "[\(Self.digit)]"
    case "D": translated += "[^\(Self.digit)]"
    case "w": translated += "[\(Self.word)]"
    case "W": translated += "[^\(Self.word)]"
    case "s": translated += "[\(Self.space)]"
    case "S": translated += "[^\(Self.space)]"
    case "b", "B":
      let w = "[\(Self.word)]"
      let boundary = "(?:(?<=\(w))(?!\(w))|(?<!\(w))(?=\(w)))"
      translated += c == "b" ? boundary : "(?!\(boundary))"
    case "A": translated += "\\A"
    case "z": translated += "\\z"
    case "Q":
      let end = findQuoteEnd()
      for scalar in scalars[index..<end] { literal(scalar) }
      index = min(end + 2, scalars.count)
    case "p", "P": translated += try unicodeClass(start: start, negated: c == "P")
    default:
      guard let value = try escapedCharacter(c, start: start), let scalar = Unicode.Scalar(value)
      else {
        throw SyntaxError(code: "invalid escape sequence", expression: text(start..<index))
      }
      literal(scalar)
    }
  }

  private func findQuoteEnd() -> Int {
    var position = index
    while position + 1 < scalars.count {
      if scalars[position] == "\\" && scalars[position + 1] == "E" { return position }
      position += 1
    }
    return scalars.count
  }

  /// The code point of a single-character escape (after `\` and `c`), or nil when RE2 has no
  /// such escape. Advances past octal and hex digits.
  private mutating func escapedCharacter(_ c: Unicode.Scalar, start: Int) throws -> UInt32? {
    switch c {
    case "a": return 7
    case "f": return 12
    case "t": return 9
    case "n": return 10
    case "r": return 13
    case "v": return 11
    case "1"..."7" where !(peek().map { ("0"..."7").contains($0) } ?? false): return nil
    case "0"..."7":
      var value = c.value - 48
      for _ in 0..<2 {
        guard let next = peek(), ("0"..."7").contains(next) else { break }
        value = value * 8 + next.value - 48
        index += 1
      }
      return value
    case "x":
      if peek() == "{" {
        guard let close = scalars[index...].firstIndex(of: "}"),
          let value = UInt32(text((index + 1)..<close), radix: 16), value <= 0x10FFFF,
          close > index + 1
        else {
          let end = scalars[index...].firstIndex(of: "}") ?? scalars.count
          throw SyntaxError(code: "invalid escape sequence", expression: text(start..<end))
        }
        index = close + 1
        return value
      }
      guard let high = peek(), let low = peek(1),
        let value = UInt32(String(high) + String(low), radix: 16)
      else {
        throw SyntaxError(
          code: "invalid escape sequence", expression: text(start..<min(scalars.count, index + 2)))
      }
      index += 2
      return value
    default:
      // Any ASCII punctuation may be escaped; letters, digits and the rest may not.
      if c.isASCII && !c.properties.isAlphabetic && !("0"..."9").contains(c) && c != "_" {
        return c.value
      }
      return nil
    }
  }

  /// `\pL`, `\p{Greek}`, `\p{^Greek}`, `\PL`.
  private mutating func unicodeClass(start: Int, negated: Bool) throws -> String {
    var name: String
    var negate = negated
    if peek() == "{" {
      guard let close = scalars[index...].firstIndex(of: "}") else {
        throw SyntaxError(
          code: "invalid character class range", expression: text(start..<scalars.count))
      }
      name = text((index + 1)..<close)
      index = close + 1
    } else {
      guard let letter = peek() else {
        throw SyntaxError(code: "invalid character class range", expression: text(start..<index))
      }
      name = String(letter)
      index += 1
    }
    if name.hasPrefix("^") {
      negate.toggle()
      name.removeFirst()
    }
    guard Self.unicodeClassNames.contains(name) || Self.isScriptName(name) else {
      throw SyntaxError(code: "invalid character class range", expression: text(start..<index))
    }
    return (negate ? "\\P{" : "\\p{") + (name == "Any" ? "Any" : name) + "}"
  }

  private static let unicodeClassNames: Set<String> = [
    "Any", "C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn",
    "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc", "Sk", "Sm",
    "So", "Z", "Zl", "Zp", "Zs",
  ]

  /// Go's script names are capitalized words with underscores (`Greek`, `Old_Italic`); ICU
  /// knows the same names.
  private static func isScriptName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, ("A"..."Z").contains(first), name.count > 2 else {
      return false
    }
    guard
      name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0 == "_") })
    else { return false }
    // ICU knows every script Go does (and a few other properties by the same spelling).
    return (try? NSRegularExpression(pattern: "\\p{sc=\(name)}")) != nil
  }

  // MARK: - Character classes

  private static let posixClasses: [String: String] = [
    "alnum": "0-9A-Za-z", "alpha": "A-Za-z", "ascii": "\\x{0}-\\x{7F}", "blank": "\\t\\x{20}",
    "cntrl": "\\x{0}-\\x{1F}\\x{7F}", "digit": "0-9", "graph": "\\x{21}-\\x{7E}", "lower": "a-z",
    "print": "\\x{20}-\\x{7E}",
    "punct": "\\x{21}-\\x{2F}\\x{3A}-\\x{40}\\x{5B}-\\x{60}\\x{7B}-\\x{7E}",
    "space": "\\t\\n\\x{B}\\f\\r\\x{20}", "upper": "A-Z", "word": "0-9A-Za-z_",
    "xdigit": "0-9A-Fa-f",
  ]

  mutating func characterClass() throws {
    let start = index
    index += 1
    var out = "["
    if peek() == "^" {
      out += "^"
      index += 1
    }
    var first = true
    while true {
      guard let c = peek() else {
        throw SyntaxError(code: "missing closing ]", expression: text(start..<scalars.count))
      }
      if c == "]" && !first { break }
      first = false
      let itemStart = index
      // POSIX class [:name:] or [:^name:].
      if c == "[", peek(1) == ":" {
        if let close = findPosixEnd() {
          var name = text((index + 2)..<close)
          let negated = name.hasPrefix("^")
          if negated { name.removeFirst() }
          guard let ranges = Self.posixClasses[name] else {
            throw SyntaxError(
              code: "invalid character class range", expression: text(index..<(close + 2)))
          }
          out += negated ? "[^\(ranges)]" : ranges
          index = close + 2
          continue
        }
      }
      if c == "\\", let next = peek(1), "dDsSwWpP".unicodeScalars.contains(next) {
        switch next {
        case "d": out += Self.digit
        case "D": out += "[^\(Self.digit)]"
        case "s": out += Self.space
        case "S": out += "[^\(Self.space)]"
        case "w": out += Self.word
        case "W": out += "[^\(Self.word)]"
        default:
          index += 2
          out += try unicodeClass(start: itemStart, negated: next == "P")
          continue
        }
        index += 2
        continue
      }
      let low = try classCharacter()
      if peek() == "-", let after = peek(1), after != "]" {
        index += 1
        let high = try classCharacter()
        guard low <= high else {
          throw SyntaxError(
            code: "invalid character class range", expression: text(itemStart..<index))
        }
        out += String(format: "\\x{%X}-\\x{%X}", low, high)
      } else {
        out += String(format: "\\x{%X}", low)
      }
    }
    index += 1
    // ICU folds a class's members by simple case mapping, as Go does.
    translated += flags.caseInsensitive ? "(?i:\(out)])" : out + "]"
  }

  private func findPosixEnd() -> Int? {
    var position = index + 2
    while position + 1 < scalars.count {
      if scalars[position] == ":" && scalars[position + 1] == "]" { return position }
      if scalars[position] == "]" { return nil }
      position += 1
    }
    return nil
  }

  /// One character inside a class, escapes decoded.
  private mutating func classCharacter() throws -> UInt32 {
    guard let c = peek() else {
      throw SyntaxError(code: "missing closing ]", expression: wholePattern)
    }
    guard c == "\\" else {
      index += 1
      return c.value
    }
    let start = index
    guard let next = peek(1) else {
      throw SyntaxError(code: "trailing backslash at end of expression", expression: "")
    }
    index += 2
    guard let value = try escapedCharacter(next, start: start) else {
      throw SyntaxError(code: "invalid escape sequence", expression: text(start..<index))
    }
    return value
  }
}
