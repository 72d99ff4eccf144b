/// A YAML parser for `yamldecode`: block and flow collections, plain, quoted and block
/// scalars with their folding and chomping, anchors, aliases, tags and `%TAG` directives,
/// comments and document markers, one document per stream, as libyaml reads them.
struct YAMLParser {
  let text: [Unicode.Scalar]
  var index = 0
  var line = 1
  var lineStart = 0
  private var tagHandles: [String: String] = ["!": "!", "!!": "tag:yaml.org,2002:"]
  /// How many nodes are open around the current one; bounded so no input exhausts the stack.
  private var depth = 0
  static let maximumDepth = 500

  init(_ source: String) {
    // A byte order mark at the start is not content.
    var scalars = Array(source.unicodeScalars)
    if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
    text = scalars
  }

  var column: Int { index - lineStart }
  func peek(_ offset: Int = 0) -> Unicode.Scalar? {
    index + offset < text.count ? text[index + offset] : nil
  }
  /// A scanner-level problem at the current line.
  func error(_ message: String) -> YAMLError {
    YAMLError(message: message, line: line, source: .scanner)
  }

  /// A parser-level problem at the current line.
  func parserError(_ message: String) -> YAMLError {
    YAMLError(message: message, line: line, source: .parser, column: column + 1)
  }

  static func isBlank(_ c: Unicode.Scalar?) -> Bool { c == " " || c == "\t" }
  static func isBreak(_ c: Unicode.Scalar?) -> Bool { c == "\n" || c == "\r" }
  static func isBlankOrEnd(_ c: Unicode.Scalar?) -> Bool {
    c == nil || isBlank(c) || isBreak(c)
  }
  static func isFlowIndicator(_ c: Unicode.Scalar?) -> Bool {
    c == "," || c == "[" || c == "]" || c == "{" || c == "}"
  }

  mutating func advance() {
    guard index < text.count else { return }
    if text[index] == "\r" && peek(1) == "\n" { index += 1 }
    if Self.isBreak(text[index]) {
      index += 1
      line += 1
      lineStart = index
    } else {
      index += 1
    }
  }

  mutating func skipSpaces() {
    while peek() == " " || peek() == "\t" { advance() }
  }

  /// Skips spaces, a comment and line breaks, to the next content (or the end).
  mutating func skipToContent() throws {
    while true {
      skipSpaces()
      if peek() == "#" {
        while let c = peek(), !Self.isBreak(c) { advance() }
      }
      guard Self.isBreak(peek()) else { break }
      advance()
      // Tabs may not indent block content.
      var probe = index
      while probe < text.count, text[probe] == " " { probe += 1 }
      if probe < text.count, text[probe] == "\t" {
        var after = probe
        while after < text.count, Self.isBlank(text[after]) { after += 1 }
        if after < text.count, !Self.isBreak(text[after]), text[after] != "#" {
          index = probe
          throw error("found character that cannot start any token")
        }
      }
    }
  }

  func atDocumentMarker(_ marker: String) -> Bool {
    guard column == 0 else { return false }
    let scalars = Array(marker.unicodeScalars)
    for (offset, c) in scalars.enumerated() where peek(offset) != c { return false }
    return Self.isBlankOrEnd(peek(3))
  }

  // MARK: - Document

  mutating func parseDocument() throws -> YAMLNode {
    try skipToContent()
    var explicit = false
    while peek() == "%" && column == 0 { try directive() }
    if atDocumentMarker("---") {
      index += 3
      explicit = true
    } else if index >= text.count {
      throw YAMLError(message: "missing start of document", line: 2)
    }
    if !explicit && atDocumentMarker("...") {
      throw parserError("did not find expected node content")
    }
    // Tabs may not indent block content, on the first line either.
    if text[lineStart..<index].contains("\t") {
      throw error("found character that cannot start any token")
    }
    let root = try parseNode(parent: -1, context: .document)
    try skipToContent()
    if atDocumentMarker("...") {
      index += 3
      try skipToContent()
    }
    if atDocumentMarker("---") {
      throw parserError("unexpected extra content after value")
    }
    if index < text.count {
      if peek() == ":" { throw parserError("did not find expected key") }
      throw parserError("did not find expected <document start>")
    }
    return root
  }

  private mutating func directive() throws {
    var words: [String] = []
    var current = ""
    advance()
    while let c = peek(), !Self.isBreak(c), c != "#" {
      if Self.isBlank(c) {
        if !current.isEmpty { words.append(current) }
        current = ""
      } else {
        current.unicodeScalars.append(c)
      }
      advance()
    }
    if !current.isEmpty { words.append(current) }
    switch words.first {
    case "YAML":
      guard words.count > 1, words[1] == "1.1" else {
        throw error("found incompatible YAML document")
      }
    case "TAG":
      guard words.count == 3 else { throw error("did not find expected whitespace or line break") }
      tagHandles[words[1]] = words[2]
    default: break
    }
    try skipToContent()
  }

  // MARK: - Nodes

  /// Where a node is being read: what may start on the same line decides what is allowed.
  enum Context {
    case document
    /// After `key:` on the same line: no block collection may start here.
    case mappingValue
    /// After `- ` or `? `: a compact block collection may start here.
    case compact
    case flow
  }

  /// The node that starts at or after the current position, belonging to a parent collection
  /// indented `parent` columns (-1 for the document).
  mutating func parseNode(parent: Int, context: Context) throws -> YAMLNode {
    depth += 1
    defer { depth -= 1 }
    guard depth <= Self.maximumDepth else {
      throw error("the document nests deeper than \(Self.maximumDepth) levels")
    }
    var properties = YAMLProperties(line: line)
    let startLine = line
    // The node may start on a later line (after a comment or line break).
    try skipToContent()
    if index >= text.count || atDocumentMarker("---") || atDocumentMarker("...") {
      return .empty(properties)
    }
    var onNewLine = line != startLine
    // A node on a later line belongs here only when indented past the parent, except a
    // sequence under a mapping key, which may start at the key's own column.
    let indentlessSequence =
      peek() == "-" && Self.isBlankOrEnd(peek(1)) && context == .mappingValue && column == parent
    if onNewLine && column <= parent && !indentlessSequence {
      return .empty(properties)
    }
    // Properties: anchor and tag, in either order.
    while peek() == "&" || peek() == "!" {
      if peek() == "&" {
        advance()
        properties.anchor = anchorName()
      } else {
        properties.tag = try tag()
      }
      skipSpaces()
      if peek() == nil || Self.isBreak(peek()) || peek() == "#" {
        let before = line
        try skipToContent()
        if index >= text.count || column <= parent {
          return .empty(properties)
        }
        if line != before { onNewLine = true }
      }
    }
    properties.line = line
    let nodeColumn = column
    let blockAllowed = context == .document || context == .compact || onNewLine
    guard let c = peek() else { return .empty(properties) }
    switch c {
    case "-" where Self.isBlankOrEnd(peek(1)) && context != .flow:
      guard blockAllowed else {
        throw error("block sequence entries are not allowed in this context")
      }
      return try blockSequence(
        indent: nodeColumn, indentless: context == .mappingValue && nodeColumn == parent,
        properties: properties)
    case "?" where Self.isBlankOrEnd(peek(1)) && context != .flow:
      guard blockAllowed else { throw error("mapping keys are not allowed in this context") }
      return try blockMapping(indent: nodeColumn, properties: properties)
    case "|", ">":
      return try blockScalar(
        parent: parent, properties: properties, inMapping: context == .mappingValue)
    case "*":
      advance()
      let name = anchorName()
      return .alias(name, line: line)
    case "[", "{":
      let node = try flowCollection(properties: properties)
      if context != .flow, isImplicitKeyAhead() {
        guard blockAllowed else { throw error("mapping values are not allowed in this context") }
        throw error("only strings are allowed as mapping keys")
      }
      if context != .flow {
        skipSpaces()
        if let next = peek(), !Self.isBreak(next), next != "#" {
          throw parserError("did not find expected key")
        }
      }
      return node
    case "@", "`", "%":
      throw error("found character that cannot start any token")
    case "\t":
      throw error("found character that cannot start any token")
    default:
      if context != .flow, startsImplicitKey() {
        guard blockAllowed else { throw error("mapping values are not allowed in this context") }
        return try blockMapping(indent: nodeColumn, properties: properties)
      }
      return try scalar(parent: parent, properties: properties, flow: context == .flow)
    }
  }

  mutating func anchorName() -> String {
    var name = ""
    while let c = peek(), !Self.isBlankOrEnd(c), !Self.isFlowIndicator(c) {
      name.unicodeScalars.append(c)
      advance()
    }
    return name
  }

  mutating func tag() throws -> String {
    advance()
    if peek() == "<" {
      advance()
      var verbatim = ""
      while let c = peek(), c != ">" {
        guard !Self.isBlankOrEnd(c) else { throw error("did not find the expected '>'") }
        verbatim.unicodeScalars.append(c)
        advance()
      }
      advance()
      return verbatim
    }
    var raw = "!"
    while let c = peek(), !Self.isBlankOrEnd(c), !Self.isFlowIndicator(c) {
      raw.unicodeScalars.append(c)
      advance()
    }
    // `!!suffix`, `!handle!suffix` or `!suffix`.
    let body = raw.dropFirst()
    if let bang = body.firstIndex(of: "!") {
      let handle = "!" + String(body[..<bang]) + "!"
      guard let prefix = tagHandles[handle] else {
        throw error("found undefined tag handle")
      }
      return prefix + String(body[body.index(after: bang)...])
    }
    return (tagHandles["!"] ?? "!") + String(body)
  }

  /// Whether a single-line scalar at the current position is followed by `:` and a blank.
  func startsImplicitKey() -> Bool {
    var probe = self
    guard (try? probe.keyScalar()) != nil else { return false }
    return probe.isImplicitKeyAhead()
  }

  func isImplicitKeyAhead() -> Bool {
    var probe = index
    while probe < text.count, Self.isBlank(text[probe]) { probe += 1 }
    return probe < text.count && text[probe] == ":"
      && (probe + 1 >= text.count || Self.isBlankOrEnd(text[probe + 1]))
  }

  /// A key: a quoted scalar or a plain one on one line.
  mutating func keyScalar() throws -> YAMLNode {
    let properties = YAMLProperties(line: line)
    if peek() == "\"" || peek() == "'" { return try quoted(properties: properties) }
    var value = ""
    while let c = peek(), !Self.isBreak(c) {
      if c == ":" && Self.isBlankOrEnd(peek(1)) { break }
      if c == "#" && !value.isEmpty && Self.isBlank(text[index - 1]) { break }
      value.unicodeScalars.append(c)
      advance()
    }
    while let last = value.unicodeScalars.last, Self.isBlank(last) {
      value.unicodeScalars.removeLast()
    }
    guard !value.isEmpty else { throw error("did not find expected key") }
    return .scalar(value, plain: true, properties: properties)
  }
}
