/// What the three CI/CD variable types (`project_variable`, `group_variable`,
/// `instance_variable`) share: the value-and-settings attributes, the request settings made from
/// a planned object, and the object made from GitLab's answer.
///
/// The checks of configured values are `ProjectVariable.validate`'s, called as they are: they
/// read only the attributes every variable type has.
enum CIVariableRules {
  /// Value and settings, changed in place; `hidden` (project and group only) forces replacement.
  static func settingAttributes(hidden: Bool) -> [AttributeSchema] {
    [
      AttributeSchema(
        "value", .string, .required, sensitive: true,
        description: "Always sensitive, as in the Terraform provider: plans, show and errors never print it."),
      AttributeSchema("variable_type", .string, .optional, default: .string("env_var"), description: "env_var or file."),
      AttributeSchema("protected", .bool, .optional, default: .false),
      AttributeSchema("masked", .bool, .optional, default: .false),
      AttributeSchema("raw", .bool, .optional, default: .false),
      AttributeSchema("description", .string, .optional, default: .string("")),
    ]
      + (hidden
        ? [
          AttributeSchema(
            "hidden", .bool, .optional, forcesReplacement: true, default: .false,
            description: "Masked and never shown again; needs masked = true.")
        ] : [])
  }

  /// The request settings for `planned`; a create also sends `hidden` and the scope.
  static func settings(_ planned: Value, forCreate: Bool) -> VariableSettings {
    VariableSettings(
      value: planned.string("value").map(SecretValue.init),
      variableType: planned.string("variable_type").flatMap(GitLabVariable.Kind.init(rawValue:)),
      protected: planned.bool("protected"), masked: planned.bool("masked"),
      hidden: forCreate ? planned.bool("hidden") : nil, raw: planned.bool("raw"),
      environmentScope: forCreate ? planned.string("environment_scope") : nil,
      description: planned.string("description"))
  }

  /// `base` updated from GitLab's answer. The value keeps the base's sensitivity, and a hidden
  /// variable (whose value GitLab never returns) keeps the base's value. Attributes the type
  /// does not have (`hidden`, `environment_scope` of an instance variable) are left out.
  static func object(_ variable: GitLabVariable, base: Value, id: String) -> Value {
    let baseValue = base[attribute: "value"]
    let value = variable.value.map { Value.string($0.reveal()).marked(sensitive: baseValue.isSensitive) } ?? baseValue
    var result = base
      .setting("id", .string(id))
      .setting("key", .string(variable.key))
      .setting("value", value)
      .setting("variable_type", .string(variable.variableType.rawValue))
      .setting("protected", .bool(variable.protected))
      .setting("masked", .bool(variable.masked))
      .setting("raw", .bool(variable.raw))
      .setting("description", .string(variable.description ?? ""))
    if base.attributes?["hidden"] != nil { result = result.setting("hidden", .bool(variable.hidden)) }
    if base.attributes?["environment_scope"] != nil {
      result = result.setting("environment_scope", .string(variable.environmentScope))
    }
    return result
  }

  /// `<owner>:<key>[:<environment_scope>]` split, or nil when it is not of that form.
  static func scopedID(_ id: String) -> (owner: String, key: String, scope: String)? {
    let parts = id.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
    guard parts.count >= 2, !parts[0].isEmpty, ProjectVariable.isValidKey(parts[1]), parts.count == 2 || !parts[2].isEmpty
    else { return nil }
    return (parts[0], parts[1], parts.count == 3 ? parts[2] : "*")
  }
}
