import Foundation

/// `regex(pattern, string)` and `regexall(pattern, string)` with RE2 syntax (see
/// `RE2Pattern`): no groups gives the matched string, unnamed groups a tuple of them (null
/// for a group that took no part), named groups an object.
enum RegexFunctions {
  static let all: [Function] = [
    Function(
      "regex", [StringFunctions.string("pattern"), StringFunctions.string("string")],
      returns: .dynamic
    ) { args, _ in
      let compiled = try compile(args[0].stringValue ?? "")
      let text = args[1].stringValue ?? ""
      guard let match = matches(compiled.expression, in: text, all: false).first else {
        throw FunctionError.call("pattern did not match any part of the given string")
      }
      return result(match, in: text, compiled)
    },
    Function(
      "regexall", [StringFunctions.string("pattern"), StringFunctions.string("string")],
      returns: .dynamic
    ) { args, _ in
      let compiled = try compile(args[0].stringValue ?? "")
      let text = args[1].stringValue ?? ""
      let found = matches(compiled.expression, in: text, all: true).map {
        result($0, in: text, compiled)
      }
      return .list(found, elementType: compiled.resultType)
    },
  ]

  struct Compiled {
    var expression: NSRegularExpression
    var names: [String]
    var resultType: ValueType
  }

  /// Go's `regexp.Compile` error text, for `replace`, which reports it whole.
  static func goError(_ error: RE2Pattern.SyntaxError) -> String {
    "error parsing regexp: \(error.code): `\(error.expression)`"
  }

  /// The pattern checked, translated and compiled, with the result type its groups give.
  static func compile(_ pattern: String) throws -> Compiled {
    let parsed: RE2Pattern
    do {
      parsed = try RE2Pattern(pattern)
    } catch let error as RE2Pattern.SyntaxError {
      throw FunctionError.argument(
        index: 0, "invalid regexp pattern: \(error.code) in \(error.expression)")
    }
    let names = parsed.groupNames
    let unnamed = names.filter(\.isEmpty).count
    if unnamed > 0 && unnamed < names.count {
      throw FunctionError.argument(
        index: 0, "invalid regexp pattern: cannot mix both named and unnamed capture groups")
    }
    let resultType: ValueType
    if names.isEmpty {
      resultType = .string
    } else if unnamed > 0 {
      resultType = .tuple(Array(repeating: .string, count: names.count))
    } else {
      resultType = .object(Dictionary(names.map { ($0, .string) }, uniquingKeysWith: { a, _ in a }))
    }
    guard let expression = try? NSRegularExpression(pattern: parsed.icuPattern) else {
      throw FunctionError.argument(
        index: 0, "invalid regexp pattern: unsupported pattern in \(pattern)")
    }
    return Compiled(expression: expression, names: names, resultType: resultType)
  }

  /// Matches as Go's `FindStringSubmatchIndex` / `FindAllStringSubmatchIndex` find them: an
  /// empty match right after the previous match is skipped.
  static func matches(_ expression: NSRegularExpression, in text: String, all: Bool)
    -> [NSTextCheckingResult]
  {
    let string = text as NSString
    var found: [NSTextCheckingResult] = []
    var position = 0
    var previousEnd = -1
    let options: NSRegularExpression.MatchingOptions = [
      .withTransparentBounds, .withoutAnchoringBounds,
    ]
    while position <= string.length {
      guard
        let match = expression.firstMatch(
          in: text, options: options,
          range: NSRange(location: position, length: string.length - position))
      else { break }
      let end = match.range.location + match.range.length
      var accept = true
      if end == position {
        if match.range.location == previousEnd { accept = false }
        // Move on by one code point, as Go moves on by one rune.
        let lead = position < string.length && UTF16.isLeadSurrogate(string.character(at: position))
        position += lead ? 2 : 1
      } else {
        position = end
      }
      previousEnd = end
      if accept {
        found.append(match)
        if !all { break }
      }
    }
    return found
  }

  static func result(_ match: NSTextCheckingResult, in text: String, _ compiled: Compiled) -> Value
  {
    let string = text as NSString
    func group(_ index: Int) -> Value {
      let range = match.range(at: index)
      guard range.location != NSNotFound else { return .null(.string) }
      return .string(string.substring(with: range))
    }
    switch compiled.resultType {
    case .string: return group(0)
    case .tuple: return .tuple((1...compiled.names.count).map(group))
    default:
      var attributes: [String: Value] = [:]
      for (offset, name) in compiled.names.enumerated() { attributes[name] = group(offset + 1) }
      return .object(attributes)
    }
  }
}
