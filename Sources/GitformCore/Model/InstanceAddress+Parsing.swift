extension InstanceAddress {
  /// Parses an instance address as written on the command line (`-target`, `state rm`,
  /// `import`): `TYPE.NAME`, `data.TYPE.NAME`, optionally followed by `[N]` or `["KEY"]`, and
  /// optionally preceded by module steps (`module.team["a"].`).
  ///
  /// Names follow HCL identifiers: a letter or underscore, then letters, digits, `_` or `-`.
  /// With `allowingModule`, a module instance alone (`module.team`, `module.team["a"]`) is an
  /// address too, with an empty type (`ResourceAddress.isModuleOnly`): `-target` takes it.
  public static func parse(_ text: String, allowingModule: Bool = false) throws(AddressError) -> InstanceAddress {
    var scanner = AddressScanner(text: text)
    var module: [ModuleStep] = []
    var first = try scanner.identifier(what: "a resource type")
    while first == "module" {
      guard scanner.consume(".") else {
        throw AddressError(address: text, reason: "a module address needs the module's name, as in module.team")
      }
      var step = ModuleStep(name: try scanner.identifier(what: "a module name"))
      if scanner.consume("[") {
        step.key = try scanner.instanceKey()
        guard scanner.consume("]") else {
          throw AddressError(address: text, reason: "expected ] after the instance key")
        }
      }
      module.append(step)
      if scanner.atEnd && allowingModule {
        return InstanceAddress(resource: ResourceAddress(type: "", name: "", module: module))
      }
      guard scanner.consume(".") else {
        if scanner.atEnd {
          throw AddressError(address: text, reason: "expected a resource address after \(ModuleStep.path(module)), as in \(ModuleStep.path(module)).user_token.bot")
        }
        throw AddressError(address: text, reason: "unexpected \(StringQuoting.quote(scanner.rest, .go)) after the address")
      }
      first = try scanner.identifier(what: "a resource type")
    }
    var parts = [first]
    while scanner.consume("."), parts.count < 3 {
      parts.append(try scanner.identifier(what: "a resource name"))
    }
    var resource: ResourceAddress
    switch (parts.count, parts.first) {
    case (3, "data"):
      resource = ResourceAddress(mode: .data, type: parts[1], name: parts[2])
    case (2, "data"):
      throw AddressError(address: text, reason: "a data source address needs both a type and a name, as in data.user.alice")
    case (2, _):
      resource = ResourceAddress(mode: .managed, type: parts[0], name: parts[1])
    case (1, _):
      throw AddressError(address: text, reason: "expected TYPE.NAME, as in user_token.bot")
    default:
      throw AddressError(address: text, reason: "too many parts; expected TYPE.NAME or data.TYPE.NAME")
    }
    resource.module = module
    var key: InstanceKey?
    if scanner.consume("[") {
      key = try scanner.instanceKey()
      guard scanner.consume("]") else {
        throw AddressError(address: text, reason: "expected ] after the instance key")
      }
    }
    guard scanner.atEnd else {
      throw AddressError(address: text, reason: "unexpected \(StringQuoting.quote(scanner.rest, .go)) after the address")
    }
    return InstanceAddress(resource: resource, key: key)
  }
}

/// A cursor over an address's characters; every method consumes input or throws.
private struct AddressScanner {
  let text: String
  let characters: [Character]
  var position = 0

  init(text: String) {
    self.text = text
    characters = Array(text)
  }

  var atEnd: Bool { position >= characters.count }
  var rest: String { String(characters[min(position, characters.count)...]) }

  mutating func consume(_ character: Character) -> Bool {
    guard position < characters.count, characters[position] == character else { return false }
    position += 1
    return true
  }

  mutating func identifier(what: String) throws(AddressError) -> String {
    let start = position
    guard position < characters.count,
      characters[position].isASCII, characters[position].isLetter || characters[position] == "_"
    else {
      let found = atEnd ? "the end" : StringQuoting.quote(rest, .go)
      throw AddressError(address: text, reason: "expected \(what) at \(found)")
    }
    while position < characters.count, characters[position].isASCII,
      characters[position].isLetter || characters[position].isNumber
        || characters[position] == "_" || characters[position] == "-"
    {
      position += 1
    }
    return String(characters[start..<position])
  }

  /// `0`, `12` or a double-quoted string with HCL's escapes.
  mutating func instanceKey() throws(AddressError) -> InstanceKey {
    if consume("\"") { return .string(try quotedRest()) }
    let start = position
    while position < characters.count, characters[position].isASCII, characters[position].isNumber {
      position += 1
    }
    let digits = String(characters[start..<position])
    guard !digits.isEmpty else {
      throw AddressError(address: text, reason: "an instance key is a number like [0] or a quoted string like [\"alice\"]")
    }
    guard let index = Int(digits), digits == "0" || !digits.hasPrefix("0") else {
      throw AddressError(address: text, reason: "the instance index \(digits) is not a valid number")
    }
    return .int(index)
  }

  private mutating func quotedRest() throws(AddressError) -> String {
    var value = ""
    while position < characters.count {
      let character = characters[position]
      position += 1
      switch character {
      case "\"": return value
      case "\\":
        guard position < characters.count else { break }
        let escaped = characters[position]
        position += 1
        switch escaped {
        case "\"": value.append("\"")
        case "\\": value.append("\\")
        case "n": value.append("\n")
        case "r": value.append("\r")
        case "t": value.append("\t")
        case "u", "U":
          value.unicodeScalars.append(try unicodeEscape(escaped, digits: escaped == "u" ? 4 : 8))
        default:
          throw AddressError(address: text, reason: "unknown escape \\\(escaped) in the instance key")
        }
      case "$", "%":
        // `$${` and `%%{` are a literal `${` and `%{`, as Terraform writes such keys.
        value.append(character)
        if position + 1 < characters.count, characters[position] == character, characters[position + 1] == "{" {
          position += 1
        }
      default: value.append(character)
      }
    }
    throw AddressError(address: text, reason: "the instance key's string is not closed with \"")
  }

  /// The scalar of `\uXXXX` or `\UXXXXXXXX` (the digits after the letter), as Terraform writes
  /// a key's characters that are not printable.
  private mutating func unicodeEscape(_ letter: Character, digits: Int) throws(AddressError) -> Unicode.Scalar {
    let end = position + digits
    guard end <= characters.count,
      let code = UInt32(String(characters[position..<end]), radix: 16),
      characters[position..<end].allSatisfy(\.isHexDigit),
      let scalar = Unicode.Scalar(code)
    else {
      throw AddressError(address: text, reason: "a \\\(letter) escape in the instance key needs \(digits) hex digits of a character")
    }
    position = end
    return scalar
  }
}
