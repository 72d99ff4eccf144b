/// Type conversion functions: `tostring`, `tonumber`, `tobool`, `tolist`, `toset`, `tomap`.
///
/// Null converts to a null of the target type and an unknown to an unknown of it, as in
/// Terraform; the messages are Terraform's ("cannot convert bool to number").
enum ConversionFunctions {
  static let all: [Function] = [
    conversion("tostring", .string),
    conversion("tonumber", .number),
    conversion("tobool", .bool),
    conversion("tolist", .list(.dynamic)),
    conversion("toset", .set(.dynamic)),
    conversion("tomap", .map(.dynamic)),
  ]

  private static func conversion(_ name: String, _ target: ValueType) -> Function {
    Function(
      name,
      [FunctionParameter(name: "v", type: .dynamic, allowNull: true, allowUnknown: true)],
      returns: target
    ) { args, _ in
      let value = args[0]
      if value.isNull || !value.isKnown {
        if case .success(let converted) = value.converted(to: target) { return converted }
      }
      switch value.converted(to: target) {
      case .success(let converted): return converted
      case .failure:
        throw FunctionError.argument(index: 0, message(value, target))
      }
    }
  }

  /// Terraform's wording for a failed conversion of `value` to `target`.
  static func message(_ value: Value, _ target: ValueType) -> String {
    if let s = value.stringValue {
      switch target {
      case .number:
        return "cannot convert \(Value.quoted(s)) to number; given string must be a decimal "
          + "representation of a number"
      case .bool:
        return "cannot convert \(Value.quoted(s)) to bool; only the strings \"true\" or \"false\" "
          + "are allowed"
      default: break
      }
    }
    return "cannot convert \(value.type.friendlyName) to \(target.friendlyName)"
  }
}
