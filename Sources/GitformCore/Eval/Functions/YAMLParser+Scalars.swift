/// Scalars and flow collections.
extension YAMLParser {
  /// A plain or quoted scalar, possibly over several lines.
  mutating func scalar(parent: Int, properties: YAMLProperties, flow: Bool) throws -> YAMLNode {
    if peek() == "\"" || peek() == "'" {
      let node = try quoted(properties: properties)
      if !flow {
        skipSpaces()
        if let c = peek(), !Self.isBreak(c), c != "#" {
          if c == ":" { throw error("mapping values are not allowed in this context") }
          throw parserError("did not find expected key")
        }
      }
      return node
    }
    return try plain(parent: parent, properties: properties, flow: flow)
  }

  /// A plain scalar: lines folded into spaces, empty lines kept as line breaks.
  private mutating func plain(parent: Int, properties: YAMLProperties, flow: Bool) throws
    -> YAMLNode
  {
    var value = ""
    var pendingBreaks = 0
    var first = true
    while true {
      var lineText = ""
      while let c = peek(), !Self.isBreak(c) {
        if c == ":" && (Self.isBlankOrEnd(peek(1)) || (flow && Self.isFlowIndicator(peek(1)))) {
          break
        }
        if c == "#" && (lineText.isEmpty || Self.isBlank(text[index - 1])) { break }
        if flow && Self.isFlowIndicator(c) { break }
        lineText.unicodeScalars.append(c)
        advance()
      }
      while let last = lineText.unicodeScalars.last, Self.isBlank(last) {
        lineText.unicodeScalars.removeLast()
      }
      if !lineText.isEmpty {
        if !first {
          value += pendingBreaks == 0 ? " " : String(repeating: "\n", count: pendingBreaks)
        }
        value += lineText
        first = false
      }
      // Stop at an indicator, a comment, or the end.
      guard Self.isBreak(peek()) else { break }
      // Look ahead for a continuation line.
      var probe = self
      var breaks = 0
      while Self.isBreak(probe.peek()) {
        probe.advance()
        probe.skipSpaces()
        if Self.isBreak(probe.peek()) { breaks += 1 }
      }
      guard let next = probe.peek(), next != "#",
        flow || probe.column > parent,
        !(probe.column == 0 && (probe.atDocumentMarker("---") || probe.atDocumentMarker("...")))
      else { break }
      if !flow && next == "-" && Self.isBlankOrEnd(probe.peek(1)) && probe.column <= parent + 1 {
        break
      }
      self = probe
      pendingBreaks = breaks
    }
    return .scalar(value, plain: true, properties: properties)
  }

  /// A single- or double-quoted scalar, with YAML's escapes and line folding.
  mutating func quoted(properties: YAMLProperties) throws -> YAMLNode {
    let single = peek() == "'"
    advance()
    var value = ""
    while true {
      guard let c = peek() else { throw error("found unexpected end of stream") }
      if single && c == "'" {
        if peek(1) == "'" {
          value += "'"
          advance()
          advance()
          continue
        }
        advance()
        break
      }
      if !single && c == "\"" {
        advance()
        break
      }
      if !single && c == "\\" {
        advance()
        guard let e = peek() else { throw error("found unexpected end of stream") }
        if Self.isBreak(e) {
          advance()
          skipSpaces()
          continue
        }
        advance()
        switch e {
        case "0": value += "\u{0}"
        case "a": value += "\u{7}"
        case "b": value += "\u{8}"
        case "t", "\t": value += "\t"
        case "n": value += "\n"
        case "v": value += "\u{B}"
        case "f": value += "\u{C}"
        case "r": value += "\r"
        case "e": value += "\u{1B}"
        case " ": value += " "
        case "\"": value += "\""
        case "'": value += "'"
        case "\\": value += "\\"
        case "N": value += "\u{85}"
        case "_": value += "\u{A0}"
        case "L": value += "\u{2028}"
        case "P": value += "\u{2029}"
        case "x", "u", "U":
          let length = e == "x" ? 2 : (e == "u" ? 4 : 8)
          var digits = ""
          for _ in 0..<length {
            guard let d = peek(), d.properties.isASCIIHexDigit else {
              throw error("did not find expected hexdecimal number")
            }
            digits.unicodeScalars.append(d)
            advance()
          }
          guard let code = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(code) else {
            throw error("found invalid Unicode character escape code")
          }
          value.unicodeScalars.append(scalar)
        default: throw error("found unknown escape character")
        }
        continue
      }
      if Self.isBreak(c) || Self.isBlank(c) {
        // White space then a line break folds; white space inside a line stays.
        var blanks = ""
        while Self.isBlank(peek()) {
          blanks.unicodeScalars.append(peek()!)
          advance()
        }
        guard Self.isBreak(peek()) else {
          value += blanks
          continue
        }
        var breaks = 0
        while Self.isBreak(peek()) {
          advance()
          skipSpaces()
          breaks += 1
        }
        if atDocumentMarker("---") || atDocumentMarker("...") {
          throw error("found unexpected document indicator")
        }
        value += breaks == 1 ? " " : String(repeating: "\n", count: breaks - 1)
        continue
      }
      value.unicodeScalars.append(c)
      advance()
    }
    return .scalar(value, plain: false, properties: properties)
  }

  /// A literal (`|`) or folded (`>`) block scalar with its chomping and indentation hints.
  mutating func blockScalar(parent: Int, properties: YAMLProperties, inMapping: Bool) throws
    -> YAMLNode
  {
    let folded = peek() == ">"
    advance()
    var chomping: Character = " "
    var increment = 0
    for _ in 0..<2 {
      if peek() == "+" || peek() == "-" {
        chomping = Character(peek()!)
        advance()
      } else if let c = peek(), let digit = Int(String(c)), (1...9).contains(digit) {
        increment = digit
        advance()
      } else if peek() == "0" {
        throw error("found an indentation indicator equal to 0")
      }
    }
    skipSpaces()
    if peek() == "#" {
      while let c = peek(), !Self.isBreak(c) { advance() }
    }
    guard peek() == nil || Self.isBreak(peek()) else {
      throw error("did not find expected comment or line break")
    }
    let base = max(parent, 0) + (inMapping ? 1 : 0)
    var indent = increment > 0 ? (parent < 0 ? increment : base + increment) : 0
    // The lines that belong to the scalar, each one after a line break; "" for an empty one.
    var lines: [String] = []
    var stoppedAtBreak = false
    while Self.isBreak(peek()) {
      var probe = self
      probe.advance()
      var spaces = 0
      while probe.peek() == " " {
        probe.advance()
        spaces += 1
      }
      if probe.peek() == nil || Self.isBreak(probe.peek()) {
        self = probe
        lines.append("")
        continue
      }
      if indent == 0 {
        guard spaces > parent else {
          stoppedAtBreak = true
          break
        }
        indent = spaces
      }
      guard spaces >= indent,
        !(spaces == 0 && (probe.atDocumentMarker("---") || probe.atDocumentMarker("...")))
      else {
        stoppedAtBreak = true
        break
      }
      // Keep the spaces beyond the indentation as content.
      self = probe
      var content = String(repeating: " ", count: spaces - indent)
      while let c = peek(), !Self.isBreak(c) {
        content.unicodeScalars.append(c)
        advance()
      }
      lines.append(content)
    }
    var trailing = stoppedAtBreak ? 1 : 0
    while let last = lines.last, last.isEmpty {
      lines.removeLast()
      trailing += 1
    }
    var value = ""
    var previousNormal = false
    var emptyRun = 0
    var firstContent = true
    for lineText in lines {
      if lineText.isEmpty {
        emptyRun += 1
        continue
      }
      let normal = !(lineText.hasPrefix(" ") || lineText.hasPrefix("\t"))
      if firstContent {
        value += String(repeating: "\n", count: emptyRun)
      } else if folded && previousNormal && normal {
        value += emptyRun == 0 ? " " : String(repeating: "\n", count: emptyRun)
      } else {
        value += "\n" + String(repeating: "\n", count: emptyRun)
      }
      value += lineText
      emptyRun = 0
      previousNormal = normal
      firstContent = false
    }
    switch chomping {
    case "-": break
    case "+": value += String(repeating: "\n", count: trailing)
    default: if trailing > 0 && !lines.isEmpty { value += "\n" }
    }
    return .scalar(value, plain: false, properties: properties)
  }
}
