import Foundation

/// String functions: case, trimming, replacing, splitting and joining.
enum StringFunctions {
  static let all: [Function] = [
    unary("lower") { CaseMapping.lower($0) },
    unary("upper") { CaseMapping.upper($0) },
    unary("title") { title($0) },
    unary("trimspace") { $0.trimmingCharacters(in: .whitespacesAndNewlines) },
    Function("trimprefix", [string("str"), string("prefix")], returns: .string) { args, _ in
      let (s, prefix) = (args[0].stringValue ?? "", args[1].stringValue ?? "")
      return .string(!prefix.isEmpty && s.hasPrefix(prefix) ? String(s.dropFirst(prefix.count)) : s)
    },
    Function("trimsuffix", [string("str"), string("suffix")], returns: .string) { args, _ in
      let (s, suffix) = (args[0].stringValue ?? "", args[1].stringValue ?? "")
      return .string(!suffix.isEmpty && s.hasSuffix(suffix) ? String(s.dropLast(suffix.count)) : s)
    },
    Function("replace", [string("str"), string("substr"), string("replace")], returns: .string) {
      args, _ in
      try .string(
        replace(args[0].stringValue ?? "", args[1].stringValue ?? "", args[2].stringValue ?? ""))
    },
    Function("split", [string("separator"), string("str")], returns: .list(.string)) { args, _ in
      let (separator, s) = (args[0].stringValue ?? "", args[1].stringValue ?? "")
      let parts: [String] =
        // An empty separator splits into characters: cty's strings are NFC, so Go's split into
        // code points gives the same pieces (`"e\u0301"` is one piece).
        separator.isEmpty
        ? s.map { String($0) } : s.components(separatedBy: separator)
      return .list(parts.map { .string($0) }, elementType: .string)
    },
    Function(
      "join", [string("separator")],
      variadic: FunctionParameter(name: "lists", type: .list(.string)), returns: .string
    ) { args, _ in
      guard args.count > 1 else { throw FunctionError.call("at least one list is required") }
      var items: [String] = []
      for (offset, list) in args.dropFirst().enumerated() {
        for (index, element) in (list.elements ?? []).enumerated() {
          guard let s = element.stringValue else {
            throw FunctionError.argument(
              index: offset + 1, "element \(index) is null; cannot concatenate null values")
          }
          items.append(s)
        }
      }
      return .string(items.joined(separator: args[0].stringValue ?? ""))
    },
    Function(
      "substr", [string("str"), number("offset"), number("length")], returns: .string
    ) { args, _ in
      let characters = Array(args[0].stringValue ?? "")
      guard let offsetNumber = args[1].numberValue, let lengthNumber = args[2].numberValue,
        let offset = DecimalArithmetic.intValue(offsetNumber),
        let length = DecimalArithmetic.intValue(lengthNumber)
      else {
        throw FunctionError.call(
          "value must be a whole number, between \(Int.min) and \(Int.max)")
      }
      return .string(substring(characters, offset: offset, length: length))
    },
  ]

  static func string(_ name: String) -> FunctionParameter {
    FunctionParameter(name: name, type: .string)
  }

  static func number(_ name: String) -> FunctionParameter {
    FunctionParameter(name: name, type: .number)
  }

  private static func unary(_ name: String, _ transform: @escaping @Sendable (String) -> String)
    -> Function
  {
    Function(name, [string("str")], returns: .string) { args, _ in
      .string(transform(args[0].stringValue ?? ""))
    }
  }

  /// Go's `strings.Title`: the first letter of each word upper-cased, the rest unchanged.
  static func title(_ s: String) -> String {
    var result = String.UnicodeScalarView()
    var previousIsWord = false
    for scalar in s.unicodeScalars {
      // Go's separators: ASCII other than letters, digits and `_`, and white space.
      let isWordCharacter =
        scalar.isASCII
        ? scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_"
        : !scalar.properties.isWhitespace
      result.append(previousIsWord ? scalar : CaseMapping.title(scalar))
      previousIsWord = isWordCharacter
    }
    return String(result)
  }

  /// Terraform's `replace`: a `/regex/` pattern is a regular expression whose `$1` groups may
  /// appear in the replacement; anything else is replaced literally.
  static func replace(_ s: String, _ pattern: String, _ replacement: String) throws -> String {
    guard pattern.count >= 2, pattern.hasPrefix("/"), pattern.hasSuffix("/") else {
      return pattern.isEmpty ? s : s.replacingOccurrences(of: pattern, with: replacement)
    }
    // An empty expression matches the empty string at every position, as in Go.
    let inner = String(pattern.dropFirst().dropLast())
    let source = inner.isEmpty ? "(?:)" : inner
    let expression: NSRegularExpression
    do {
      expression = try NSRegularExpression(pattern: source)
    } catch {
      throw FunctionError.call("error parsing regexp: \(Value.quoted(source)) is not valid")
    }
    // Go writes groups as `$1` or `${1}`; NSRegularExpression takes `$1`.
    let template = replacement.replacingOccurrences(
      of: #"\$\{([0-9]+)\}"#, with: "\\$$1", options: .regularExpression)
    let range = NSRange(s.startIndex..., in: s)
    return expression.stringByReplacingMatches(in: s, range: range, withTemplate: template)
  }

  /// cty's `substr`: a negative offset counts from the end, a length of -1 means "to the end",
  /// and ranges beyond the string are clipped.
  static func substring(_ characters: [Character], offset: Int, length: Int) -> String {
    var start = offset
    if start < 0 { start += characters.count }
    start = max(0, min(start, characters.count))
    var end = length < 0 ? characters.count : start + min(length, characters.count)
    end = max(start, min(end, characters.count))
    return String(characters[start..<end])
  }
}
