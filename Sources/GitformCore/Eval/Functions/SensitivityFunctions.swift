/// `sensitive` and `nonsensitive`: the only functions that add or remove the sensitive mark.
enum SensitivityFunctions {
  static let all: [Function] = [
    Function(
      "sensitive",
      [
        FunctionParameter(
          name: "value", type: .dynamic, allowNull: true, allowUnknown: true, allowSensitive: true)
      ],
      returns: .dynamic
    ) { args, _ in args[0].marked(sensitive: true) },
    Function(
      "nonsensitive",
      [
        FunctionParameter(
          name: "value", type: .dynamic, allowNull: true, allowUnknown: true, allowSensitive: true)
      ],
      returns: .dynamic
    ) { args, _ in
      // Only the value's own mark is removed: sensitive elements inside stay sensitive.
      args[0].unmarked
    },
  ]
}
