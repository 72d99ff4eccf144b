import Foundation

/// Turns parsed YAML nodes into values as `go-cty-yaml` does: mappings become objects,
/// sequences tuples; plain scalars resolve to null, bools (`true`, `yes`, `on`, `y` and
/// their capitalized forms), numbers (decimal, `0x` hex, `0o` octal) and timestamps
/// (normalized to RFC 3339 strings); quoted and block scalars stay strings. Standard tags
/// (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!binary`, `!!timestamp`, `!!map`,
/// `!!seq`) are honoured and every other tag refused; `<<` merge keys are applied.
struct YAMLDecoder {
  private var anchors: [String: Value] = [:]
  /// How many nodes each anchored value holds, and how many aliases have expanded to.
  private var anchorSizes: [String: Int] = [:]
  private var expanded = 0
  private var pending: [String: Int] = [:]
  /// Aliases share their values, so a few lines can stand for billions of nodes ("billion
  /// laughs"); past this many expanded nodes the document is refused.
  static let maximumExpandedNodes = 1_000_000

  static let tagPrefix = "tag:yaml.org,2002:"

  static func decode(_ source: String) -> Result<Value, YAMLError> {
    var parser = YAMLParser(source)
    var decoder = YAMLDecoder()
    do {
      let node = try parser.parseDocument()
      return .success(try decoder.value(node))
    } catch let error as YAMLError {
      return .failure(error)
    } catch {
      return .failure(YAMLError(message: "invalid YAML syntax", line: 1))
    }
  }

  private mutating func begin(_ properties: YAMLProperties) {
    if let anchor = properties.anchor { pending[anchor, default: 0] += 1 }
  }

  private mutating func complete(_ properties: YAMLProperties, _ value: Value) {
    guard let anchor = properties.anchor else { return }
    pending[anchor, default: 1] -= 1
    if pending[anchor] == 0 { pending[anchor] = nil }
    anchors[anchor] = value
    anchorSizes[anchor] = Self.size(of: value)
  }

  private static func size(of value: Value) -> Int {
    var total = 1
    for element in value.elements ?? [] { total += size(of: element) }
    for attribute in value.attributes?.values ?? [:].values { total += size(of: attribute) }
    return total
  }

  mutating func value(_ node: YAMLNode) throws -> Value {
    switch node {
    case .alias(let name, let line):
      if pending[name] != nil {
        throw YAMLError(
          message: "cannot refer to anchor \(StringQuoting.quote(name, .go)) from inside its own definition",
          line: line)
      }
      guard let value = anchors[name] else {
        throw YAMLError(message: "reference to undefined anchor \(StringQuoting.quote(name, .go))", line: line)
      }
      expanded += anchorSizes[name] ?? 1
      guard expanded <= Self.maximumExpandedNodes else {
        throw YAMLError(
          message: "the document's aliases expand to more than \(Self.maximumExpandedNodes) nodes",
          line: line)
      }
      return value
    case .scalar(let text, let plain, let properties):
      begin(properties)
      let value = try Self.resolve(text, plain: plain, tag: properties.tag, line: properties.line)
      complete(properties, value)
      return value
    case .sequence(let items, let properties):
      if let tag = properties.tag, tag != Self.tagPrefix + "seq" {
        throw YAMLError(message: "can't interpret sequence as \(tag)", line: properties.line)
      }
      begin(properties)
      var elements: [Value] = []
      for item in items { elements.append(try value(item)) }
      let result = Value.tuple(elements)
      complete(properties, result)
      return result
    case .mapping(let pairs, let properties):
      if let tag = properties.tag, tag != Self.tagPrefix + "map" {
        throw YAMLError(message: "can't interpret mapping as \(tag)", line: properties.line)
      }
      begin(properties)
      var attributes: [String: Value] = [:]
      var merged: [String: Value] = [:]
      for (key, item) in pairs {
        // `<<: *defaults` merges another mapping's keys; the mapping's own keys win.
        if case .scalar("<<", true, let keyProperties) = key, keyProperties.tag == nil {
          let source = try value(item)
          let mappings = source.type.isMapping ? [source] : (source.elements ?? [])
          for mapping in mappings.reversed() {
            guard let inner = mapping.attributes, mapping.type.isMapping else {
              throw YAMLError(
                message: "map merge requires map or sequence of maps as the value",
                line: keyProperties.line)
            }
            merged.merge(inner) { _, new in new }
          }
          continue
        }
        guard case .scalar(let text, let plain, let keyProperties) = key else {
          throw YAMLError(
            message: "only strings are allowed as mapping keys", line: properties.line)
        }
        let keyValue = try Self.resolve(
          text, plain: plain, tag: keyProperties.tag, line: keyProperties.line)
        guard !keyValue.isNull else {
          throw YAMLError(message: "mapping key cannot be null", line: keyProperties.line)
        }
        guard case .success(let name) = keyValue.converted(to: .string), let key = name.stringValue
        else {
          throw YAMLError(
            message: "only strings are allowed as mapping keys", line: keyProperties.line)
        }
        attributes[key] = try value(item)
      }
      let result = Value.object(merged.merging(attributes) { _, own in own })
      complete(properties, result)
      return result
    }
  }

  private static let booleans: [String: Bool] = {
    var table: [String: Bool] = [:]
    for word in ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"] {
      table[word] = true
    }
    for word in ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"] {
      table[word] = false
    }
    return table
  }()

  private static let nulls: Set<String> = ["", "~", "null", "Null", "NULL"]
  private static let resolvable: Set<String> = [
    "str", "bool", "int", "float", "null", "timestamp", "binary",
  ].reduce(into: []) { $0.insert(tagPrefix + $1) }

  /// `go-cty-yaml`'s `resolveScalar` for one scalar.
  static func resolve(_ text: String, plain: Bool, tag: String?, line: Int) throws -> Value {
    if let tag, !resolvable.contains(tag) {
      throw YAMLError(message: "unsupported tag \(StringQuoting.quote(tag, .go))", line: line)
    }
    // Quoted and block scalars are strings whatever their tag says.
    guard plain else { return .string(text) }
    let fail = { (kind: String) in
      YAMLError(message: "cannot parse \(StringQuoting.quote(text, .go)) as \(kind)", line: line)
    }
    switch tag.map({ String($0.dropFirst(tagPrefix.count)) }) {
    case "str": return .string(text)
    case "binary":
      guard case .success = Base64.decode(text) else {
        throw YAMLError(
          message: "cannot parse \(StringQuoting.quote(text, .go)) as \(tagPrefix)binary: not valid base64",
          line: line)
      }
      return .string(text)
    case "null": return .null
    case "bool":
      guard let b = booleans[text] else { throw fail(tagPrefix + "bool") }
      return .bool(b)
    case "int", "float":
      guard let n = number(text) else { throw fail(tag ?? "") }
      return .number(n)
    case "timestamp":
      guard let stamp = timestamp(text) else { throw fail(tagPrefix + "timestamp") }
      return .string(stamp)
    default: break
    }
    if nulls.contains(text) { return .null }
    if let b = booleans[text] { return .bool(b) }
    if [".nan", ".NaN", ".NAN"].contains(text) {
      throw YAMLError(message: "floating point NaN is not supported", line: line)
    }
    if [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF"].contains(text)
    {
      throw YAMLError(
        message: "infinity is not supported: gitform's numbers have no infinities", line: line)
    }
    if let stamp = timestamp(text) { return .string(stamp) }
    switch number(text) {
    case .some(let n): return .number(n)
    case .none where numberSyntax(text):
      throw YAMLError(
        message: "the number \(text) is beyond the range of gitform's numbers", line: line)
    case .none: return .string(text)
    }
  }

  /// A decimal number (`1`, `-1.5`, `.5`, `1e3`), `0x` hex or `0o` octal.
  static func number(_ text: String) -> Decimal? {
    let scalars = Array(text.unicodeScalars)
    if scalars.count > 2, scalars[0] == "0", scalars[1] == "x" || scalars[1] == "o" {
      let radix = scalars[1] == "x" ? 16 : 8
      guard let n = UInt64(String(text.dropFirst(2)), radix: radix) else { return nil }
      return Decimal(n)
    }
    guard numberSyntax(text) else { return nil }
    var normalized = text.hasPrefix("+") ? String(text.dropFirst()) : text
    if normalized.hasPrefix(".") { normalized = "0" + normalized }
    if normalized.hasPrefix("-.") { normalized = "-0" + normalized.dropFirst() }
    if normalized.hasSuffix(".") { normalized += "0" }
    guard case .success(let n) = NumberFormatting.parse(normalized) else { return nil }
    return n
  }

  /// Whether `text` is written as a decimal number: sign, digits, fraction, exponent.
  static func numberSyntax(_ text: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    var i = 0
    if i < scalars.count, scalars[i] == "-" || scalars[i] == "+" { i += 1 }
    var digits = 0
    while i < scalars.count, ("0"..."9").contains(scalars[i]) {
      i += 1
      digits += 1
    }
    if i < scalars.count, scalars[i] == "." {
      i += 1
      while i < scalars.count, ("0"..."9").contains(scalars[i]) {
        i += 1
        digits += 1
      }
    }
    guard digits > 0 else { return false }
    if i < scalars.count, scalars[i] == "e" || scalars[i] == "E" {
      i += 1
      if i < scalars.count, scalars[i] == "-" || scalars[i] == "+" { i += 1 }
      var exponentDigits = 0
      while i < scalars.count, ("0"..."9").contains(scalars[i]) {
        i += 1
        exponentDigits += 1
      }
      guard exponentDigits > 0 else { return false }
    }
    return i == scalars.count
  }

  /// The YAML timestamp forms Go's `time.Parse` accepts there, as an RFC 3339 string
  /// (fractional seconds dropped and a zero offset written `Z`, as Go's `time.RFC3339` layout
  /// writes it); nil for text that is no timestamp, such as a day its month does not have.
  static func timestamp(_ text: String) -> String? {
    RFC3339Timestamp.parse(text, .yaml)?.formatted
  }
}
