import Foundation

/// A regular expression in RE2 syntax (Go's `regexp`, which Terraform uses), checked as Go's
/// parser checks it and translated for `NSRegularExpression` (ICU) to run.
///
/// What RE2 refuses is refused here with Go's error code and text: backreferences, lookaround,
/// atomic groups, possessive and stacked quantifiers, unknown escapes, repeat counts over 1000.
/// Where ICU means something else by the same syntax, the translation writes out RE2's meaning:
/// `\d \s \w \b` and POSIX classes are ASCII-only, `.` excludes only `\n`, `$` without `m` is
/// the end of the text, `(?U)` swaps greediness, `[` and `&` inside classes are literal, and
/// named groups become plain groups whose names are kept in `groupNames`.
struct RE2Pattern {
  /// Go's `syntax.Error`: a code such as "invalid escape sequence" and the offending text.
  struct SyntaxError: Error, Equatable {
    var code: String
    var expression: String
  }

  /// The ICU pattern.
  private(set) var translated = ""
  /// The ICU pattern, never empty (ICU refuses an empty pattern; Go's matches everywhere).
  var icuPattern: String { translated.isEmpty ? "(?:)" : translated }

  /// One entry per capture group in order: its name, or "" when unnamed.
  private(set) var groupNames: [String] = []

  private let scalars: [Unicode.Scalar]
  private var index = 0

  private struct Flags {
    var caseInsensitive = false
    var multiline = false
    var dotAll = false
    var ungreedy = false
  }

  private var flags = Flags()
  /// Enclosing groups' flags, restored at their `)`, and where each group opened.
  private var groupStack: [(flags: Flags, start: Int)] = []
  /// Whether the last item can take a repetition operator, and where the last repetition
  /// operator started (for Go's "invalid nested repetition operator" text).
  private var canRepeat = false
  private var lastRepeatStart: Int?

  init(_ pattern: String) throws {
    scalars = Array(pattern.unicodeScalars)
    try parse()
  }

  private func text(_ range: Range<Int>) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[range.clamped(to: 0..<scalars.count)])
    return String(view)
  }

  private var wholePattern: String { text(0..<scalars.count) }

  private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
    index + offset < scalars.count ? scalars[index + offset] : nil
  }

  private mutating func parse() throws {
    while let c = peek() {
      switch c {
      case "(": try openGroup()
      case ")":
        guard let group = groupStack.popLast() else {
          throw SyntaxError(code: "unexpected )", expression: wholePattern)
        }
        flags = group.flags
        translated += ")"
        index += 1
        canRepeat = true
        lastRepeatStart = nil
      case "|":
        translated += "|"
        index += 1
        canRepeat = false
        lastRepeatStart = nil
      case "*", "+", "?", "{": try repetition()
      case "[":
        try characterClass()
        canRepeat = true
        lastRepeatStart = nil
      case "\\":
        try escape()
        lastRepeatStart = nil
      case ".":
        translated += flags.dotAll ? "(?s:.)" : "[^\\n]"
        index += 1
        canRepeat = true
        lastRepeatStart = nil
      case "^":
        translated += flags.multiline ? "(?m:^)" : "\\A"
        index += 1
        canRepeat = true
        lastRepeatStart = nil
      case "$":
        translated += flags.multiline ? "(?=\\n|\\z)" : "\\z"
        index += 1
        canRepeat = true
        lastRepeatStart = nil
      default:
        literal(c)
        index += 1
        canRepeat = true
        lastRepeatStart = nil
      }
    }
    if !groupStack.isEmpty {
      throw SyntaxError(code: "missing closing )", expression: wholePattern)
    }
  }

  /// A literal character, escaped for ICU when it is not a letter or digit. Under `(?i)` it
  /// becomes the class of its simple case variants: ICU's own case-insensitive mode folds
  /// fully (`ß` matching `SS`), Go's only simply.
  private mutating func literal(_ c: Unicode.Scalar) {
    let variants = flags.caseInsensitive ? Self.caseVariants(c) : [c]
    if variants.count > 1 {
      translated += "[" + variants.map { String(format: "\\x{%X}", $0.value) }.joined() + "]"
    } else if c.properties.isAlphabetic || ("0"..."9").contains(c) {
      translated.unicodeScalars.append(c)
    } else {
      translated += String(format: "\\x{%X}", c.value)
    }
  }

  /// `c` and the characters one-to-one case mapping relates it to, Go's folding orbits.
  static func caseVariants(_ c: Unicode.Scalar) -> [Unicode.Scalar] {
    var variants: [Unicode.Scalar] = [c]
    func add(_ mapped: String) {
      let scalars = Array(mapped.unicodeScalars)
      if scalars.count == 1, !variants.contains(scalars[0]) { variants.append(scalars[0]) }
    }
    for form in [c.properties.lowercaseMapping, c.properties.uppercaseMapping, c.properties.titlecaseMapping] {
      add(form)
    }
    for variant in variants {
      add(variant.properties.lowercaseMapping)
      add(variant.properties.uppercaseMapping)
    }
    let orbits: [[UInt32]] = [[0x4B, 0x6B, 0x212A], [0x53, 0x73, 0x17F], [0xC5, 0xE5, 0x212B], [0xDF, 0x1E9E]]
    for orbit in orbits where orbit.contains(c.value) {
      for value in orbit { if let scalar = Unicode.Scalar(value), !variants.contains(scalar) { variants.append(scalar) } }
    }
    return variants
  }

  private mutating func openGroup() throws {
    let start = index
    guard peek(1) == "?" else {
      groupNames.append("")
      groupStack.append((flags, start))
      translated += "("
      index += 1
      canRepeat = false
      lastRepeatStart = nil
      return
    }
    // Named capture: (?P<name>re) or (?<name>re).
    let nameStart: Int? =
      peek(2) == "P" && peek(3) == "<" && index + 4 < scalars.count
      ? index + 4 : (peek(2) == "<" && index + 3 < scalars.count ? index + 3 : nil)
    if let nameStart {
      guard let close = scalars[nameStart...].firstIndex(of: ">") else {
        throw SyntaxError(code: "invalid named capture", expression: text(index..<scalars.count))
      }
      let name = text(nameStart..<close)
      guard !name.isEmpty,
        name.unicodeScalars.allSatisfy({
          $0 == "_" || $0.properties.isAlphabetic || $0.properties.numericType == .decimal
        })
      else {
        throw SyntaxError(code: "invalid named capture", expression: text(index..<(close + 1)))
      }
      groupNames.append(name)
      groupStack.append((flags, start))
      translated += "("
      index = close + 1
      canRepeat = false
      lastRepeatStart = nil
      return
    }
    // Flags: (?flags) or (?flags:re).
    var newFlags = flags
    var negated = false
    var sawFlag = false
    var position = index + 2
    while position < scalars.count {
      let c = scalars[position]
      position += 1
      switch c {
      case "i", "m", "s", "U":
        let value = !negated
        switch c {
        case "i": newFlags.caseInsensitive = value
        case "m": newFlags.multiline = value
        case "s": newFlags.dotAll = value
        default: newFlags.ungreedy = value
        }
        sawFlag = true
        continue
      case "-" where !negated:
        negated = true
        sawFlag = false
        continue
      case ":", ")":
        guard !(negated && !sawFlag) else { break }
        // Flags shape the translation itself, so ICU sees no flags at all.
        if c == ":" {
          groupStack.append((flags, start))
          translated += "(?:"
        }
        // Go keeps a flag group out of repetition: `(?i)*` has nothing to repeat.
        canRepeat = false
        flags = newFlags
        index = position
        lastRepeatStart = nil
        return
      default: break
      }
      break
    }
    throw SyntaxError(code: "invalid or unsupported Perl syntax", expression: text(index..<position))
  }

  private mutating func repetition() throws {
    let start = index
    var quantifier: String
    var countText = ""
    if scalars[index] == "{" {
      guard let (min, max, end) = repeatCount(from: index) else {
        // Not a repeat: a literal brace, as in Go.
        literal("{")
        index += 1
        canRepeat = true
        lastRepeatStart = nil
        return
      }
      countText = text(index..<end)
      guard min <= 1000, (max ?? min) <= 1000, max.map({ $0 >= min }) ?? true else {
        throw SyntaxError(code: "invalid repeat count", expression: countText)
      }
      quantifier = "{\(min)" + (max == min ? "}" : (max.map { ",\($0)}" } ?? ",}"))
      index = end
    } else {
      quantifier = String(scalars[index])
      index += 1
    }
    var lazy = flags.ungreedy
    if peek() == "?" {
      lazy.toggle()
      index += 1
    }
    if let previous = lastRepeatStart {
      throw SyntaxError(code: "invalid nested repetition operator", expression: text(previous..<index))
    }
    guard canRepeat else {
      throw SyntaxError(code: "missing argument to repetition operator", expression: text(start..<index))
    }
    translated += quantifier + (lazy ? "?" : "")
    lastRepeatStart = start
  }

  /// `{n}`, `{n,}` or `{n,m}` starting at `start`: the bounds and the index after `}`.
  private func repeatCount(from start: Int) -> (Int, Int?, Int)? {
    var position = start + 1
    func number() -> Int? {
      var digits = ""
      while position < scalars.count, ("0"..."9").contains(scalars[position]) {
        digits.unicodeScalars.append(scalars[position])
        position += 1
      }
      return digits.isEmpty ? nil : Int(digits.prefix(8))
    }
    guard let min = number() else { return nil }
    var max: Int? = min
    if position < scalars.count, scalars[position] == "," {
      position += 1
      max = position < scalars.count && scalars[position] == "}" ? nil : number()
      if max == nil && !(position < scalars.count && scalars[position] == "}") { return nil }
    }
    guard position < scalars.count, scalars[position] == "}" else { return nil }
    return (min, max, position + 1)
  }

  // MARK: - Escapes

  private static let digit = "0-9"
  private static let word = "0-9A-Za-z_"
  private static let space = "\\t\\n\\f\\r\\x{20}"

  private mutating func escape() throws {
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
          let value = UInt32(text((index + 1)..<close), radix: 16), value <= 0x10FFFF, close > index + 1
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
        throw SyntaxError(code: "invalid escape sequence", expression: text(start..<min(scalars.count, index + 2)))
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
        throw SyntaxError(code: "invalid character class range", expression: text(start..<scalars.count))
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
    guard name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0 == "_") })
    else { return false }
    // ICU knows every script Go does (and a few other properties by the same spelling).
    return (try? NSRegularExpression(pattern: "\\p{sc=\(name)}")) != nil
  }

  // MARK: - Character classes

  private static let posixClasses: [String: String] = [
    "alnum": "0-9A-Za-z", "alpha": "A-Za-z", "ascii": "\\x{0}-\\x{7F}", "blank": "\\t\\x{20}",
    "cntrl": "\\x{0}-\\x{1F}\\x{7F}", "digit": "0-9", "graph": "\\x{21}-\\x{7E}", "lower": "a-z",
    "print": "\\x{20}-\\x{7E}", "punct": "\\x{21}-\\x{2F}\\x{3A}-\\x{40}\\x{5B}-\\x{60}\\x{7B}-\\x{7E}",
    "space": "\\t\\n\\x{B}\\f\\r\\x{20}", "upper": "A-Z", "word": "0-9A-Za-z_",
    "xdigit": "0-9A-Fa-f",
  ]

  private mutating func characterClass() throws {
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
            throw SyntaxError(code: "invalid character class range", expression: text(index..<(close + 2)))
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
          throw SyntaxError(code: "invalid character class range", expression: text(itemStart..<index))
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
