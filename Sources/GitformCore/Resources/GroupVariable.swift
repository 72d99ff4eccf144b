import Foundation

/// `group_variable`: a CI/CD variable of a group, inherited by its projects.
///
/// Import id `<group>:<key>[:<environment_scope>]` (scope `*` when left out). The same rules
/// as `project_variable`: the value is always sensitive, value and settings change in place,
/// `group`, `key`, `environment_scope` and `hidden` force a replacement, old variable first.
/// Refresh lists each group's variables once.
public struct GroupVariable: ResourceType {
  public init() {}

  public let name = "group_variable"
  public let summary = "A CI/CD variable of a group."

  public let schema = ResourceSchema(
    attributes: [
      AttributeSchema("group", .string, .required, forcesReplacement: true, description: "The group's id or full path."),
      AttributeSchema(
        "key", .string, .required, forcesReplacement: true,
        description: "The name: letters, digits and _, at most 255 characters."),
      AttributeSchema("environment_scope", .string, .optional, forcesReplacement: true, default: .string("*")),
      AttributeSchema("id", .string, .computed, description: "<group>:<key>:<environment_scope>"),
    ] + CIVariableRules.settingAttributes(hidden: true))

  public func validate(_ config: Value, ranges: AttributeRanges) -> [Diagnostic] {
    ProjectVariable().validate(config, ranges: ranges)
  }

  public func id(of object: Value) -> String { object.string("id") ?? "" }

  public func owner(of planned: Value) -> ObjectOwner? {
    TokenAttributes.owner(planned, .group, attribute: "group")
  }

  /// A group has one variable per key and environment scope.
  public func claim(of planned: Value) -> ObjectClaim? {
    guard let owner = owner(of: planned) else { return nil }
    let key = planned[attribute: "key"]
    let scope = planned[attribute: "environment_scope"]
    guard key.isKnown, scope.isKnown, let keyText = key.stringValue, let scopeText = scope.stringValue else { return nil }
    let shownKey = key.containsSensitive ? "(sensitive value)" : keyText
    let shownScope = scope.containsSensitive ? "(sensitive value)" : Value.quoted(scopeText)
    return ObjectClaim(
      owner: owner, name: keyText + "\u{0}" + scopeText,
      description: "the variable \(shownKey) (environment scope \(shownScope)) of \(owner.description)")
  }

  /// What GitLab asks of the token's user for a group's variables (`admin_cicd_variables`).
  private func groupNeed(_ object: Value) -> String {
    let group = object.string("group").map { " (\($0))" } ?? ""
    return "Group variables need the Owner role in the group\(group) or an administrator: use such a user's token "
      + "(token in the provider \"gitlab\" block, or GITLAB_TOKEN)."
  }

  private func reference(_ object: Value) -> GitLabReference { GitLabReference(object.string("group") ?? "") }

  private func object(_ variable: GitLabVariable, base: Value, group: String) -> Value {
    CIVariableRules.object(variable, base: base, id: "\(group):\(variable.key):\(variable.environmentScope)")
      .setting("group", .string(group))
  }

  public func create(_ planned: Value, context: ResourceContext) throws -> Value {
    return try RequiredAccess.explaining(groupNeed(planned)) {
      let variable = try context.client.createGroupVariable(
        group: reference(planned), key: planned.string("key") ?? "", CIVariableRules.settings(planned, forCreate: true))
      return object(variable, base: planned, group: planned.string("group") ?? "")
    }
  }

  public func update(prior: Value, planned: Value, context: ResourceContext) throws -> Value {
    return try RequiredAccess.explaining(groupNeed(prior)) {
      let variable = try context.client.updateGroupVariable(
        group: reference(prior), key: prior.string("key") ?? "", environmentScope: prior.string("environment_scope"),
        CIVariableRules.settings(planned, forCreate: false))
      return object(variable, base: planned, group: prior.string("group") ?? "")
    }
  }

  public func read(_ prior: Value, context: ResourceContext) throws -> Value? {
    return try RequiredAccess.explaining(groupNeed(prior)) {
      let group = prior.string("group") ?? ""
      do {
        let variable = try context.client.groupVariable(
          group: reference(prior), key: prior.string("key") ?? "", environmentScope: prior.string("environment_scope"))
        return object(variable, base: prior, group: context.movedPath(group, isGroup: true) ?? group)
      } catch let error as GitLabError where error.code == .notFound {
        try ParentAccess.confirmGone(in: .group(group), context: context)
        return nil
      }
    }
  }

  public func refreshKey(of prior: Value) -> String? {
    prior.string("group").map { "group:\($0)" }
  }

  public func readAll(_ priors: [Value], context: ResourceContext) throws -> [Value?] {
    return try RequiredAccess.explaining(groupNeed(priors.first ?? .null(.string))) {
      guard let group = priors.first?.string("group") else { return priors.map { _ in nil } }
      let variables: [GitLabVariable]
      do {
        variables = try context.client.groupVariables(group: GitLabReference(group))
      } catch let error as GitLabError where error.code == .notFound {
        try ParentAccess.confirmGone(in: .group(group), context: context)
        return priors.map { _ in nil }
      }
      let current = context.movedPath(group, isGroup: true) ?? group
      return priors.map { prior in
        variables.first { $0.key == prior.string("key") && $0.environmentScope == prior.string("environment_scope") }
          .map { object($0, base: prior, group: current) }
      }
    }
  }

  /// Found again by key and scope; its value is the configured one, so nothing was lost.
  public func findCreated(_ pending: Value, claimed: Set<String>, context: ResourceContext) throws -> Value? {
    try read(pending, context: context)
  }

  public func delete(_ prior: Value, context: ResourceContext) throws {
    try RequiredAccess.explaining(groupNeed(prior)) {
      do {
        try context.client.deleteGroupVariable(
          group: reference(prior), key: prior.string("key") ?? "", environmentScope: prior.string("environment_scope"))
      } catch let error as GitLabError where error.code == .notFound {
        try ParentAccess.confirmGone(in: .group(prior.string("group") ?? ""), context: context)
      }
    }
  }

  public func equivalent(_ attribute: String, configured: Value, prior: Value, context: ResourceContext) -> Bool {
    guard attribute == "group", let a = configured.stringValue, let b = prior.string("group") else { return false }
    return context.sameNamespace(a, b, isGroup: true)
  }

  public func importObject(id: String) -> Result<Value, ImportIDError> {
    guard let (group, key, scope) = CIVariableRules.scopedID(id) else {
      return .failure(
        ImportIDError(
          "Unexpected import id \(Value.quoted(id)): expected <group>:<key>[:<environment_scope>], "
            + "for example \"platform:DEPLOY_TOKEN:*\"."))
    }
    return .success(
      Value.object(
        schema,
        [
          "group": .string(group), "key": .string(key), "environment_scope": .string(scope),
          "id": .string("\(group):\(key):\(scope)"), "value": .string(""),
        ]))
  }
}
