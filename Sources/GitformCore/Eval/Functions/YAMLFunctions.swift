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
  ]
}
