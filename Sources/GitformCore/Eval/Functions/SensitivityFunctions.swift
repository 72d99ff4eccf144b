/// `sensitive` and `nonsensitive`, the only functions that add or remove the sensitive mark;
/// `issensitive`, which tells; and `ephemeralasnull`.
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
    Function(
      "issensitive",
      [
        FunctionParameter(
          name: "value", type: .dynamic, allowNull: true, allowUnknown: true, allowSensitive: true)
      ],
      returns: .bool
    ) { args, _ in
      // The value's own mark answers even when it is unknown; the answer is never sensitive.
      if args[0].isSensitive { return .true }
      return args[0].isKnown ? .false : .unknown(.bool)
    },
    Function(
      "ephemeralasnull",
      [
        FunctionParameter(
          name: "value", type: .dynamic, allowNull: true, allowUnknown: true, allowSensitive: true)
      ],
      returns: .dynamic
    ) { args, _ in
      // gitform has no ephemeral values, so every value passes through unchanged.
      args[0]
    },
  ]
}
