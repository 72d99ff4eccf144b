import Foundation

/// `format(spec, args...)`: Go's `fmt` verbs as cty's `format` supports them — `%v %#v %t
/// %d %b %o %x %X %e %E %f %g %G %s %q %%` with flags `-+# 0`, width, precision and explicit
/// argument indexes `%[2]s`. Numbers are formatted from their exact decimal value.
enum FormatFunction {
  static let all: [Function] = [
    Function(
      "format", [StringFunctions.string("format")],
      variadic: FunctionParameter(name: "args", type: .dynamic, allowNull: true),
      returns: .string
    ) { args, _ in
      // Terraform yields an unknown string when an argument is null.
      if args.dropFirst().contains(where: \.isNull) { return .unknown(.string) }
      return .string(try format(args[0].stringValue ?? "", Array(args.dropFirst())))
    },
    Function(
      "formatlist", [StringFunctions.string("format")],
      variadic: FunctionParameter(name: "args", type: .dynamic, allowNull: true, allowUnknown: true),
      returns: .list(.string)
    ) { args, _ in try formatList(args[0].stringValue ?? "", Array(args.dropFirst())) },
  ]

  /// `formatlist`: sequence arguments are walked in step (all of one length), every other
  /// argument repeats; a result whose arguments are not all known is unknown.
  static func formatList(_ spec: String, _ args: [Value]) throws -> Value {
    var length: Int?
    var lengthSource = 0
    var unknown = false
    for (index, argument) in args.enumerated()
    where argument.type.isSequence && !argument.isNull {
      guard let elements = argument.elements else {
        unknown = true
        continue
      }
      if let length, elements.count != length {
        throw FunctionError.argument(
          index: index + 1,
          "argument \(index + 1) has length \(elements.count), which is inconsistent with "
            + "argument \(lengthSource + 1) of length \(length)")
      }
      if length == nil { (length, lengthSource) = (elements.count, index) }
    }
    if unknown || args.contains(where: { !$0.isKnown && $0.type == .dynamic }) {
      return .unknown(.list(.string))
    }
    var results: [Value] = []
    for iteration in 0..<(length ?? 1) {
      let row = args.map { argument -> Value in
        guard argument.type.isSequence, !argument.isNull, let elements = argument.elements else {
          return argument
        }
        return elements[iteration]
      }
      guard row.allSatisfy(\.isWhollyKnown) else {
        results.append(.unknown(.string))
        continue
      }
      do {
        results.append(.string(try format(spec, row)))
      } catch FunctionError.call(let message) {
        throw FunctionError.call("error on format iteration \(iteration): \(message)")
      }
    }
    return .list(results, elementType: .string)
  }

  /// One `%...` directive after parsing.
  struct Verb {
    var flags: Set<Character> = []
    var width: Int?
    var precision: Int?
    var character: Character = "v"
    var text = "%"
    var offset = 0
  }

  static func format(_ spec: String, _ args: [Value]) throws -> String {
    let characters = Array(spec)
    var out = ""
    var next = 0
    var usedVerb = false
    var i = 0
    while i < characters.count {
      guard characters[i] == "%" else {
        out.append(characters[i])
        i += 1
        continue
      }
      var verb = Verb(offset: i)
      i += 1
      while i < characters.count, "-+# 0".contains(characters[i]) {
        verb.flags.insert(characters[i])
        verb.text.append(characters[i])
        i += 1
      }
      if i < characters.count, characters[i] == "[" {
        var j = i + 1
        var index = 0
        while j < characters.count, let digit = characters[j].wholeNumberValue, index < 1_000_000 {
          index = index * 10 + digit
          j += 1
        }
        guard j < characters.count, characters[j] == "]", index > 0 else {
          // cty names the first character that cannot continue the index.
          let bad = index == 0 && j > i + 1 ? i + 1 : j
          let character = bad < characters.count ? String(characters[bad]) : ""
          throw FunctionError.call("unrecognized format character '\(character)' at offset \(bad)")
        }
        verb.text += String(characters[i...j])
        next = index - 1
        i = j + 1
      }
      verb.width = number(characters, &i, &verb.text)
      if i < characters.count, characters[i] == "." {
        verb.text.append(".")
        i += 1
        verb.precision = number(characters, &i, &verb.text) ?? 0
      }
      guard i < characters.count else {
        throw FunctionError.call("invalid format string starting at offset \(i)")
      }
      verb.character = characters[i]
      verb.text.append(characters[i])
      // Verbs are letters; anything else cannot end a directive.
      guard verb.character.isLetter || verb.character == "%" else {
        throw FunctionError.call("unrecognized format character '\(verb.character)' at offset \(i)")
      }
      i += 1
      if verb.character == "%" {
        out.append("%")
        continue
      }
      usedVerb = true
      guard next < args.count else {
        throw FunctionError.call(
          "not enough arguments for \(Value.quoted(verb.text)) at \(verb.offset): need index "
            + "\(next + 1) but have \(args.count) total")
      }
      out += try render(args[next], verb)
      next += 1
    }
    if !usedVerb && !args.isEmpty {
      throw FunctionError.argument(index: 1, "too many arguments; no verbs in format string")
    }
    return out
  }

  private static func number(_ characters: [Character], _ i: inout Int, _ text: inout String)
    -> Int?
  {
    var value: Int?
    while i < characters.count, let digit = characters[i].wholeNumberValue, characters[i].isASCII {
      value = min((value ?? 0) * 10 + digit, 1_000_000)
      text.append(characters[i])
      i += 1
    }
    return value
  }

  private static func render(_ value: Value, _ verb: Verb) throws -> String {
    func unsupported(_ message: String) -> FunctionError {
      .call("unsupported value for \(Value.quoted(verb.text)) at \(verb.offset): \(message)")
    }
    func convert(_ type: ValueType) throws -> Value {
      switch value.converted(to: type) {
      case .success(let v): return v
      case .failure(let error): throw unsupported(error.message)
      }
    }
    var body: String
    switch verb.character {
    case "v":
      if verb.flags.contains("#") || !value.type.isPrimitive {
        body = ""
        EncodingFunctions.encode(value, into: &body)
      } else {
        body = try convert(.string).stringValue ?? ""
      }
    case "s":
      body = try convert(.string).stringValue ?? ""
      if let precision = verb.precision { body = String(body.prefix(precision)) }
    case "q":
      body = ""
      StringQuoting.quote(try convert(.string).stringValue ?? "", .json, into: &body)
    case "t":
      body = try convert(.bool).boolValue == true ? "true" : "false"
    case "d", "b", "o", "x", "X":
      let n = try convert(.number).numberValue ?? 0
      guard DecimalArithmetic.isInteger(n) else { throw unsupported("an integer is required") }
      body = NumberText.integer(
        n, radix: ["b": 2, "o": 8, "x": 16, "X": 16][verb.character] ?? 10,
        uppercase: verb.character == "X")
      if verb.flags.contains("+") && n >= 0 { body = "+" + body }
    case "f", "F", "e", "E", "g", "G":
      let n = try convert(.number).numberValue ?? 0
      switch verb.character {
      case "f", "F": body = NumberText.fixed(n, precision: verb.precision ?? 6)
      case "e", "E":
        body = NumberText.scientific(n, precision: verb.precision ?? 6)
        if verb.character == "E" { body = body.uppercased() }
      default:
        body = NumberText.general(n)
        if verb.character == "G" { body = body.uppercased() }
      }
      if verb.flags.contains("+") && n >= 0 { body = "+" + body }
    default:
      throw FunctionError.call(
        "unsupported format verb '\(verb.character)' in \(Value.quoted(verb.text)) at offset "
          + "\(verb.offset)"
      )
    }
    return pad(body, verb)
  }

  private static func pad(_ body: String, _ verb: Verb) -> String {
    guard let width = verb.width, body.count < width else { return body }
    let fill = width - body.count
    if verb.flags.contains("-") { return body + String(repeating: " ", count: fill) }
    if verb.flags.contains("0") && "dbBoxXfFeEgG".contains(verb.character) {
      let signed = body.hasPrefix("-") || body.hasPrefix("+")
      let sign = signed ? String(body.prefix(1)) : ""
      return sign + String(repeating: "0", count: fill) + body.dropFirst(signed ? 1 : 0)
    }
    return String(repeating: " ", count: fill) + body
  }
}
