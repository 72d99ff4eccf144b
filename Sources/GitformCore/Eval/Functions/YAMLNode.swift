/// A YAML node as `YAMLParser` reads it, before `YAMLDecoder` resolves it to a value.
indirect enum YAMLNode {
  /// `plain` is false for quoted and block scalars, which always resolve to strings.
  case scalar(String, plain: Bool, properties: YAMLProperties)
  case sequence([YAMLNode], properties: YAMLProperties)
  case mapping([(key: YAMLNode, value: YAMLNode)], properties: YAMLProperties)
  case alias(String, line: Int)

  static func empty(_ properties: YAMLProperties) -> YAMLNode {
    .scalar("", plain: true, properties: properties)
  }
}

/// A node's anchor and tag (the tag in its full form, `tag:yaml.org,2002:str`), and the line
/// it starts on, for messages.
struct YAMLProperties {
  var anchor: String?
  var tag: String?
  var line = 1
}

/// A problem in YAML input, in libyaml's and `go-cty-yaml`'s words.
struct YAMLError: Error {
  /// Which layer of libyaml / `go-cty-yaml` reports the problem, which decides how its
  /// position is written.
  enum Source {
    /// The scanner: the line is written counting from one, left out on the first line.
    case scanner
    /// The parser and the converter: libyaml's zero-based line is written as it is, and
    /// left out when it is zero.
    case parser
  }

  var message: String
  /// The line the problem is on, counting from one.
  var line: Int
  var source: Source = .parser
  /// The column, counting from one (scanner problems always report 1, as libyaml's do).
  var column = 1

  init(message: String, line: Int, source: Source = .parser, column: Int = 1) {
    self.message = message
    self.line = line
    self.source = source
    self.column = source == .scanner ? 1 : column
  }

  /// `go-cty-yaml`'s error text.
  var text: String {
    let written = source == .scanner ? (line > 1 ? line : 0) : line - 1
    return written > 0 ? "on line \(written), column \(column): \(message)" : message
  }
}
