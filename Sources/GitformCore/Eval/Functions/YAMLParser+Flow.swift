/// Flow collections: `[a, b]` and `{a: 1, b}`, nested, over any number of lines.
extension YAMLParser {
  mutating func flowCollection(properties: YAMLProperties) throws -> YAMLNode {
    let isSequence = peek() == "["
    let close: Unicode.Scalar = isSequence ? "]" : "}"
    let startLine = line
    advance()
    var items: [YAMLNode] = []
    var pairs: [(key: YAMLNode, value: YAMLNode)] = []
    while true {
      try skipToContent()
      guard let c = peek() else {
        // libyaml marks the end of the stream, on the line after the collection's start.
        throw YAMLError(
          message: isSequence
            ? "did not find expected ',' or ']'" : "did not find expected ',' or '}'",
          line: startLine + 1)
      }
      if c == close {
        advance()
        break
      }
      // One entry: `key: value`, `? key : value`, `key` or a plain node.
      var explicitKey = false
      if c == "?" && Self.isBlankOrEnd(peek(1)) {
        advance()
        explicitKey = true
      }
      let first = try flowNode()
      try skipToContent()
      var value: YAMLNode?
      if peek() == ":" {
        advance()
        try skipToContent()
        if peek() == "," || peek() == close {
          value = .empty(YAMLProperties(line: line))
        } else {
          value = try flowNode()
        }
        try skipToContent()
      }
      if isSequence {
        if let value {
          items.append(.mapping([(first, value)], properties: YAMLProperties(line: line)))
        } else if explicitKey {
          items.append(
            .mapping(
              [(first, .empty(YAMLProperties(line: line)))], properties: YAMLProperties(line: line))
          )
        } else {
          items.append(first)
        }
      } else {
        pairs.append((first, value ?? .empty(YAMLProperties(line: line))))
      }
      if peek() == "," {
        advance()
        continue
      }
      guard peek() == close else {
        throw YAMLError(
          message: isSequence
            ? "did not find expected ',' or ']'" : "did not find expected ',' or '}'",
          line: startLine + 1)
      }
    }
    return isSequence
      ? .sequence(items, properties: properties) : .mapping(pairs, properties: properties)
  }

  /// A node inside a flow collection.
  private mutating func flowNode() throws -> YAMLNode {
    try parseNode(parent: -1, context: .flow)
  }
}
