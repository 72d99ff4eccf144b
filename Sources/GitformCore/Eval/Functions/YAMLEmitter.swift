/// `yamlencode`'s writer: Terraform's output byte for byte, which is libyaml's emitter (as
/// ported into `go-cty-yaml`) fed block collections, double-quoted strings (literal block
/// scalars for strings with line breaks) and plain numbers, bools and nulls.
///
/// The emitter's state is modelled as libyaml keeps it (column, indentation stack, whether the
/// last character written was white space or indentation), because its line folding at 80
/// columns, its indentless sequences under mapping keys and its `...` after a plain top-level
/// scalar all follow from that state.
struct YAMLEmitter {
  private var out = String.UnicodeScalarView()
  private var column = 0
  private var whitespace = true
  private var indention = true
  private var indent = -1
  private var indents: [Int] = []
  private var openEnded = false
  private static let bestIndent = 2
  private static let bestWidth = 80

  /// The YAML document for `value` (wholly known, marks removed).
  static func encode(_ value: Value) -> String {
    var emitter = YAMLEmitter()
    emitter.node(value, root: true, mapping: false, simpleKey: false)
    // Document end, then stream end.
    emitter.writeIndent()
    if emitter.openEnded {
      emitter.writeIndicator("...", needWhitespace: true, isWhitespace: false, isIndention: false)
      emitter.writeIndent()
    }
    return String(emitter.out)
  }

  // MARK: - Output primitives

  private mutating func put(_ c: Unicode.Scalar) {
    out.append(c)
    column += 1
  }

  private mutating func putBreak() {
    out.append("\n")
    column = 0
  }

  private mutating func writeIndent() {
    let target = max(indent, 0)
    if !indention || column > target || (column == target && !whitespace) { putBreak() }
    while column < target { put(" ") }
    whitespace = true
    indention = true
  }

  private mutating func writeIndicator(
    _ text: String, needWhitespace: Bool, isWhitespace: Bool, isIndention: Bool
  ) {
    if needWhitespace && !whitespace { put(" ") }
    for c in text.unicodeScalars { put(c) }
    whitespace = isWhitespace
    indention = indention && isIndention
    openEnded = false
  }

  private mutating func increaseIndent(flow: Bool, indentless: Bool) {
    indents.append(indent)
    if indent < 0 {
      indent = flow ? Self.bestIndent : 0
    } else if !indentless {
      indent += Self.bestIndent
    }
  }

  private mutating func popIndent() {
    indent = indents.popLast() ?? -1
  }

  // MARK: - Nodes

  private mutating func node(_ value: Value, root: Bool, mapping: Bool, simpleKey: Bool) {
    if value.isNull || !value.isKnown {
      scalar(.plain("null"), root: root)
      return
    }
    switch value.content {
    case .bool(let b): scalar(.plain(b ? "true" : "false"), root: root)
    case .number(let n): scalar(.plain(NumberFormatting.string(n)), root: root)
    case .string(let s): scalar(.text(s), root: root, simpleKey: simpleKey)
    case .elements(let elements):
      if elements.isEmpty {
        emptyFlow("[", "]")
      } else {
        blockSequence(elements, inMapping: mapping)
      }
    case .attributes(let attributes):
      let pairs = attributes.sorted { Array($0.key.utf8).lexicographicallyPrecedes($1.key.utf8) }
      if pairs.isEmpty {
        emptyFlow("{", "}")
      } else {
        blockMapping(pairs)
      }
    case .null, .unknown: scalar(.plain("null"), root: root)
    }
  }

  private mutating func emptyFlow(_ open: String, _ close: String) {
    writeIndicator(open, needWhitespace: true, isWhitespace: true, isIndention: false)
    writeIndicator(close, needWhitespace: false, isWhitespace: false, isIndention: false)
  }

  private mutating func blockSequence(_ elements: [Value], inMapping: Bool) {
    increaseIndent(flow: false, indentless: inMapping && !indention)
    for element in elements {
      writeIndent()
      writeIndicator("-", needWhitespace: true, isWhitespace: false, isIndention: true)
      node(element, root: false, mapping: false, simpleKey: false)
    }
    popIndent()
  }

  private mutating func blockMapping(_ pairs: [(key: String, value: Value)]) {
    increaseIndent(flow: false, indentless: false)
    for (key, value) in pairs {
      writeIndent()
      let analysis = ScalarAnalysis(key)
      if !analysis.multiline && key.utf8.count <= 128 {
        node(.string(key), root: false, mapping: true, simpleKey: true)
        writeIndicator(":", needWhitespace: false, isWhitespace: false, isIndention: false)
      } else {
        writeIndicator("?", needWhitespace: true, isWhitespace: false, isIndention: true)
        node(.string(key), root: false, mapping: true, simpleKey: false)
        writeIndent()
        writeIndicator(":", needWhitespace: true, isWhitespace: false, isIndention: true)
      }
      node(value, root: false, mapping: true, simpleKey: false)
    }
    popIndent()
  }

  // MARK: - Scalars

  private enum Scalar {
    case plain(String)
    case text(String)
  }

  private mutating func scalar(_ scalar: Scalar, root: Bool, simpleKey: Bool = false) {
    increaseIndent(flow: true, indentless: false)
    switch scalar {
    case .plain(let text):
      if !whitespace { put(" ") }
      for c in text.unicodeScalars { put(c) }
      whitespace = false
      indention = false
      if root { openEnded = true }
    case .text(let text):
      let analysis = ScalarAnalysis(text)
      if analysis.lineBreaks && analysis.blockAllowed && !simpleKey {
        literal(Array(text.unicodeScalars))
      } else {
        doubleQuoted(Array(text.unicodeScalars), allowBreaks: !simpleKey)
      }
    }
    popIndent()
  }

  private static func isBreak(_ c: Unicode.Scalar) -> Bool {
    c == "\n" || c == "\r" || c == "\u{85}" || c == "\u{2028}" || c == "\u{2029}"
  }

  /// libyaml's `is_printable` over UTF-8, which leaves out everything above U+FFFF.
  static func isPrintable(_ c: Unicode.Scalar) -> Bool {
    switch c.value {
    case 0x0A, 0x20...0x7E: return true
    case 0xA0...0xD7FF: return true
    case 0xE000...0xFFFD: return c.value != 0xFEFF
    default: return false
    }
  }

  private mutating func doubleQuoted(_ value: [Unicode.Scalar], allowBreaks: Bool) {
    writeIndicator("\"", needWhitespace: true, isWhitespace: false, isIndention: false)
    var spaces = false
    var i = 0
    while i < value.count {
      let c = value[i]
      if !Self.isPrintable(c) || c == "\u{FEFF}" || Self.isBreak(c) || c == "\"" || c == "\\" {
        put("\\")
        switch c.value {
        case 0x00: put("0")
        case 0x07: put("a")
        case 0x08: put("b")
        case 0x09: put("t")
        case 0x0A: put("n")
        case 0x0B: put("v")
        case 0x0C: put("f")
        case 0x0D: put("r")
        case 0x1B: put("e")
        case 0x22: put("\"")
        case 0x5C: put("\\")
        case 0x85: put("N")
        case 0xA0: put("_")
        case 0x2028: put("L")
        case 0x2029: put("P")
        default:
          let (letter, digits): (Unicode.Scalar, Int) =
            c.value <= 0xFF ? ("x", 2) : (c.value <= 0xFFFF ? ("u", 4) : ("U", 8))
          put(letter)
          for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
            let digit = (c.value >> UInt32(shift)) & 0xF
            put(Unicode.Scalar(UInt8(digit < 10 ? 48 + digit : 55 + digit)))
          }
        }
        spaces = false
      } else if c == " " {
        if allowBreaks && !spaces && column > Self.bestWidth && i != 0 && i != value.count - 1 {
          writeIndent()
          if i + 1 < value.count && value[i + 1] == " " { put("\\") }
        } else {
          put(c)
        }
        spaces = true
      } else {
        put(c)
        spaces = false
      }
      i += 1
    }
    writeIndicator("\"", needWhitespace: false, isWhitespace: false, isIndention: false)
    whitespace = false
    indention = false
  }

  private mutating func literal(_ value: [Unicode.Scalar]) {
    writeIndicator("|", needWhitespace: true, isWhitespace: false, isIndention: false)
    // Block scalar hints: an indentation indicator when the text starts with a space or
    // break, and the chomping indicator its ending needs.
    if let first = value.first, first == " " || Self.isBreak(first) {
      writeIndicator(
        String(Self.bestIndent), needWhitespace: false, isWhitespace: false, isIndention: false)
    }
    if let last = value.last, Self.isBreak(last) {
      if value.count == 1 || Self.isBreak(value[value.count - 2]) {
        writeIndicator("+", needWhitespace: false, isWhitespace: false, isIndention: false)
      }
    } else {
      writeIndicator("-", needWhitespace: false, isWhitespace: false, isIndention: false)
    }
    putBreak()
    indention = true
    whitespace = true
    var breaks = true
    for c in value {
      if Self.isBreak(c) {
        putBreak()
        indention = true
        breaks = true
      } else {
        if breaks { writeIndent() }
        put(c)
        indention = false
        breaks = false
      }
    }
  }
}

/// The parts of libyaml's `yaml_emitter_analyze_scalar` that decide between a literal block
/// and a double-quoted string.
struct ScalarAnalysis {
  var lineBreaks = false
  var blockAllowed = true
  var multiline: Bool { lineBreaks }

  init(_ text: String) {
    let value = Array(text.unicodeScalars)
    var previousSpace = false
    var special = false
    var tabs = false
    var trailingSpace = false
    var spaceBreak = false
    for (i, c) in value.enumerated() {
      if c == "\t" {
        tabs = true
      } else if !YAMLEmitter.isPrintable(c) {
        special = true
      }
      let isBreak = c == "\n" || c == "\r" || c == "\u{85}" || c == "\u{2028}" || c == "\u{2029}"
      if c == " " {
        if i == value.count - 1 { trailingSpace = true }
        previousSpace = true
      } else if isBreak {
        lineBreaks = true
        if previousSpace { spaceBreak = true }
        previousSpace = false
      } else {
        previousSpace = false
      }
    }
    if trailingSpace || spaceBreak || special || tabs { blockAllowed = false }
  }
}
