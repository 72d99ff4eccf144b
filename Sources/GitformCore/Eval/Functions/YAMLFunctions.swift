/// `yamlencode(value)` and `yamldecode(src)`, as Terraform's `go-cty-yaml` has them (see
/// `YAMLEmitter` and `YAMLParser`).
enum YAMLFunctions {
  static let all: [Function] = [
    Function(
      "yamlencode", [FunctionParameter(name: "value", type: .dynamic, allowNull: true)],
      returns: .string
    ) { args, _ in
      .string(YAMLEmitter.encode(args[0]))
    },
    Function("yamldecode", [StringFunctions.string("src")], returns: .dynamic) { args, _ in
      switch YAMLDecoder.decode(args[0].stringValue ?? "") {
      case .success(let value): return value
      case .failure(let error): throw FunctionError.call(error.text)
      }
    },
  ]
}
