/// `jsonencode` and `jsondecode`, byte-compatible with Terraform's (Go's `encoding/json`):
/// compact output, object keys sorted, `<`, `>`, `&`, U+2028 and U+2029 escaped.
enum EncodingFunctions {
  static let all: [Function] = [
    Function(
      "jsonencode", [FunctionParameter(name: "val", type: .dynamic, allowNull: true)],
      returns: .string
    ) { args, _ in
      var out = ""
      encode(args[0], into: &out)
      return .string(out)
    },
    Function("jsondecode", [StringFunctions.string("str")], returns: .dynamic) { args, _ in
      switch JSONValueParser.parse(args[0].stringValue ?? "") {
      case .success(let value): return value
      case .failure(let error): throw FunctionError.call(error.message)
      }
    },
  ]

  static func encode(_ value: Value, into out: inout String) {
    switch value.content {
    case .null, .unknown: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let n): out += NumberFormatting.string(n)
    case .string(let s): StringQuoting.quote(s, .json, into: &out)
    case .elements(let elements):
      out += "["
      for (index, element) in elements.enumerated() {
        if index > 0 { out += "," }
        encode(element, into: &out)
      }
      out += "]"
    case .attributes(let attributes):
      out += "{"
      for (index, pair) in attributes.sorted(by: { $0.key < $1.key }).enumerated() {
        if index > 0 { out += "," }
        StringQuoting.quote(pair.key, .json, into: &out)
        out += ":"
        encode(pair.value, into: &out)
      }
      out += "}"
    }
  }
}
