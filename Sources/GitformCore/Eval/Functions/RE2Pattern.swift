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
  var translated = ""
  /// The ICU pattern, never empty (ICU refuses an empty pattern; Go's matches everywhere).
  var icuPattern: String { translated.isEmpty ? "(?:)" : translated }

  /// One entry per capture group in order: its name, or "" when unnamed.
  private(set) var groupNames: [String] = []

  let scalars: [Unicode.Scalar]
  var index = 0

  struct Flags {
    var caseInsensitive = false
    var multiline = false
    var dotAll = false
    var ungreedy = false
  }

  var flags = Flags()
  /// Enclosing groups' flags, restored at their `)`, and where each group opened.
  private var groupStack: [(flags: Flags, start: Int)] = []
  /// Whether the last item can take a repetition operator, and where the last repetition
  /// operator started (for Go's "invalid nested repetition operator" text).
  var canRepeat = false
  var lastRepeatStart: Int?

  init(_ pattern: String) throws {
    scalars = Array(pattern.unicodeScalars)
    try parse()
  }

  func text(_ range: Range<Int>) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[range.clamped(to: 0..<scalars.count)])
    return String(view)
  }

  var wholePattern: String { text(0..<scalars.count) }

  func peek(_ offset: Int = 0) -> Unicode.Scalar? {
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
  mutating func literal(_ c: Unicode.Scalar) {
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
    for form in [
      c.properties.lowercaseMapping, c.properties.uppercaseMapping, c.properties.titlecaseMapping,
    ] {
      add(form)
    }
    for variant in variants {
      add(variant.properties.lowercaseMapping)
      add(variant.properties.uppercaseMapping)
    }
    let orbits: [[UInt32]] = [
      [0x4B, 0x6B, 0x212A], [0x53, 0x73, 0x17F], [0xC5, 0xE5, 0x212B], [0xDF, 0x1E9E],
    ]
    for orbit in orbits where orbit.contains(c.value) {
      for value in orbit {
        if let scalar = Unicode.Scalar(value), !variants.contains(scalar) {
          variants.append(scalar)
        }
      }
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
    throw SyntaxError(
      code: "invalid or unsupported Perl syntax", expression: text(index..<position))
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
      throw SyntaxError(
        code: "invalid nested repetition operator", expression: text(previous..<index))
    }
    guard canRepeat else {
      throw SyntaxError(
        code: "missing argument to repetition operator", expression: text(start..<index))
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
}
