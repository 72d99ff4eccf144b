/// Block sequences and mappings, delimited by indentation.
extension YAMLParser {
  mutating func blockSequence(indent: Int, indentless: Bool, properties: YAMLProperties)
    throws -> YAMLNode
  {
    var items: [YAMLNode] = []
    while true {
      advance()  // the `-`
      items.append(try parseNode(parent: indent, context: .compact))
      try skipToContent()
      if index >= text.count || atDocumentMarker("---") || atDocumentMarker("...") { break }
      if column < indent { break }
      guard column == indent else { throw parserError("did not find expected '-' indicator") }
      guard peek() == "-" && Self.isBlankOrEnd(peek(1)) else {
        // An indentless sequence under a mapping key ends where the next key starts.
        if indentless { break }
        if startsImplicitKey() { throw parserError("did not find expected '-' indicator") }
        // libyaml reads the line as a possible key and misses its `:` on the line after.
        throw YAMLError(message: "could not find expected ':'", line: line + 1, source: .scanner)
      }
    }
    return .sequence(items, properties: properties)
  }

  mutating func blockMapping(indent: Int, properties: YAMLProperties) throws -> YAMLNode {
    var pairs: [(key: YAMLNode, value: YAMLNode)] = []
    while true {
      let key: YAMLNode
      if peek() == "?" && Self.isBlankOrEnd(peek(1)) {
        advance()
        key = try parseNode(parent: indent, context: .compact)
        try skipToContent()
        guard index < text.count, column == indent, peek() == ":", Self.isBlankOrEnd(peek(1))
        else {
          pairs.append((key, .empty(YAMLProperties(line: line))))
          if index >= text.count || column < indent || atDocumentMarker("---") { break }
          continue
        }
      } else {
        var keyProperties = YAMLProperties(line: line)
        while peek() == "&" || peek() == "!" {
          if peek() == "&" {
            advance()
            keyProperties.anchor = anchorName()
          } else {
            keyProperties.tag = try tag()
          }
          skipSpaces()
        }
        if peek() == "*" {
          advance()
          key = .alias(anchorName(), line: line)
        } else if peek() == "[" || peek() == "{" {
          key = try flowCollection(properties: keyProperties)
        } else {
          guard let scalar = try? keyScalar(), case .scalar(let value, let plain, _) = scalar else {
            throw parserError("did not find expected key")
          }
          key = .scalar(value, plain: plain, properties: keyProperties)
        }
        skipSpaces()
        guard peek() == ":" && Self.isBlankOrEnd(peek(1)) else {
          throw error("could not find expected ':'")
        }
      }
      advance()  // the `:`
      let value = try parseNode(parent: indent, context: .mappingValue)
      pairs.append((key, value))
      try skipToContent()
      if index >= text.count || atDocumentMarker("---") || atDocumentMarker("...") { break }
      if column < indent { break }
      if column > indent {
        // A `:` here ends a plain scalar that ran on from the previous line.
        if peek() == ":" { throw error("mapping values are not allowed in this context") }
        throw parserError("did not find expected key")
      }
      if peek() == "-" && Self.isBlankOrEnd(peek(1)) {
        throw parserError("did not find expected key")
      }
    }
    return .mapping(pairs, properties: properties)
  }
}
