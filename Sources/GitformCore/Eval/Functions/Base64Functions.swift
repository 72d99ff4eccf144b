/// Base64 functions: `base64encode`, `base64decode`, `base64gzip`, and `textencodebase64` /
/// `textdecodebase64` for strings in other character encodings (see `TextEncoding`).
enum Base64Functions {
  static let all: [Function] = [
    Function("base64encode", [StringFunctions.string("str")], returns: .string) { args, _ in
      .string(Base64.encode(Array((args[0].stringValue ?? "").utf8)))
    },
    Function("base64decode", [StringFunctions.string("str")], returns: .string) { args, _ in
      let text = args[0].stringValue ?? ""
      guard case .success(let bytes) = Base64.decode(text) else {
        throw FunctionError.call("failed to decode base64 data \(StringQuoting.quote(text, .go))")
      }
      guard let decoded = String(validating: bytes, as: UTF8.self) else {
        throw FunctionError.call("the result of decoding the provided string is not valid UTF-8")
      }
      return .string(decoded)
    },
    Function("base64gzip", [StringFunctions.string("str")], returns: .string) { args, _ in
      .string(Base64.encode(Gzip.compress(Array((args[0].stringValue ?? "").utf8))))
    },
    Function(
      "textencodebase64", [StringFunctions.string("string"), StringFunctions.string("encoding")],
      returns: .string
    ) { args, _ in
      let encoding = try TextEncoding.named(args[1].stringValue ?? "")
      guard let bytes = encoding.encode(args[0].stringValue ?? "") else {
        throw FunctionError.argument(
          index: 0,
          "the given string contains characters that cannot be represented in \(encoding.name)")
      }
      return .string(Base64.encode(bytes))
    },
    Function(
      "textdecodebase64", [StringFunctions.string("source"), StringFunctions.string("encoding")],
      returns: .string
    ) { args, _ in
      let encoding = try TextEncoding.named(args[1].stringValue ?? "")
      let bytes: [UInt8]
      switch Base64.decode(args[0].stringValue ?? "") {
      case .success(let decoded): bytes = decoded
      case .failure(let failure):
        throw FunctionError.argument(
          index: 0, "the given value is has an invalid base64 symbol at offset \(failure.offset)")
      }
      guard let text = encoding.decode(bytes), !text.unicodeScalars.contains("\u{FFFD}") else {
        throw FunctionError.argument(
          index: 0, "the given string contains symbols that are not defined for \(encoding.name)")
      }
      return .string(text)
    },
  ]
}
