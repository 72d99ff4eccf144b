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

  /// Terraform's `replace`: a `/regex/` pattern is an RE2 regular expression whose groups
  /// may appear in the replacement as `$1`, `${1}`, `$name` or `${name}` (Go's `Expand`);
  /// anything else is replaced literally.
  static func replace(_ s: String, _ pattern: String, _ replacement: String) throws -> String {
    guard pattern.count >= 2, pattern.hasPrefix("/"), pattern.hasSuffix("/") else {
      return pattern.isEmpty ? s : s.replacingOccurrences(of: pattern, with: replacement)
    }
    let parsed: RE2Pattern
    do {
      parsed = try RE2Pattern(String(pattern.dropFirst().dropLast()))
    } catch let error as RE2Pattern.SyntaxError {
      throw FunctionError.call(RegexFunctions.goError(error))
    }
    guard let expression = try? NSRegularExpression(pattern: parsed.icuPattern) else {
      throw FunctionError.call("error parsing regexp: unsupported pattern: `\(pattern)`")
    }
    let string = s as NSString
    var out = ""
    var last = 0
    for match in RegexFunctions.matches(expression, in: s, all: true) {
      out += string.substring(with: NSRange(location: last, length: match.range.location - last))
      out += expand(replacement, match, string, names: parsed.groupNames)
      last = match.range.location + match.range.length
    }
    return out + string.substring(from: last)
  }

  /// Go's `Regexp.Expand` of `template` for one match.
  private static func expand(
    _ template: String, _ match: NSTextCheckingResult, _ string: NSString, names: [String]
  ) -> String {
    func group(_ name: String) -> String {
      let index: Int?
      if let number = Int(name), name.allSatisfy(\.isASCII) {
        index = number
      } else {
        index = names.lastIndex(of: name).map { $0 + 1 }
      }
      guard let index, index <= names.count else { return "" }
      let range = match.range(at: index)
      return range.location == NSNotFound ? "" : string.substring(with: range)
    }
    let scalars = Array(template.unicodeScalars)
    var out = String.UnicodeScalarView()
    var i = 0
    func isNameScalar(_ c: Unicode.Scalar) -> Bool {
      c == "_" || c.properties.isAlphabetic || c.properties.numericType == .decimal
    }
    while i < scalars.count {
      guard scalars[i] == "$", i + 1 < scalars.count else {
        out.append(scalars[i])
        i += 1
        continue
      }
      if scalars[i + 1] == "$" {
        out.append("$")
        i += 2
        continue
      }
      var name = String.UnicodeScalarView()
      var j = i + 1
      if scalars[j] == "{" {
        j += 1
        while j < scalars.count, isNameScalar(scalars[j]) {
          name.append(scalars[j])
          j += 1
        }
        guard j < scalars.count, scalars[j] == "}", !name.isEmpty else {
          // Not a valid reference: Go copies the `$` and goes on.
          out.append("$")
          i += 1
          continue
        }
        j += 1
      } else {
        while j < scalars.count, isNameScalar(scalars[j]) {
          name.append(scalars[j])
          j += 1
        }
        guard !name.isEmpty else {
          out.append("$")
          i += 1
          continue
        }
      }
      out.append(contentsOf: group(String(name)).unicodeScalars)
      i = j
    }
    return String(out)
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
