import Foundation

/// `instance_variable`: a CI/CD variable of the whole instance, seen by every project
/// (administrators only).
///
/// Import id `<key>`. The rules of `project_variable` without what instance variables lack:
/// no environment scope, no hidden values. The value is always sensitive; a changed `key`
/// replaces the variable, old one first. Refresh lists the instance's variables once.
public struct InstanceVariable: ResourceType {
  public init() {}

  public let name = "instance_variable"
  public let summary = "A CI/CD variable of the whole instance (needs an administrator's token)."
  public var requiresAdministrator: Bool { true }
  /// What GitLab asks of the token's user for these routes, said when it refuses one.
  static let need = RequiredAccess.administrator("manage instance CI/CD variables")

  public let schema = ResourceSchema(
    attributes: [
      AttributeSchema(
        "key", .string, .required, forcesReplacement: true,
        description: "The name: letters, digits and _, at most 255 characters."),
      AttributeSchema("id", .string, .computed, description: "The key."),
    ] + CIVariableRules.settingAttributes(hidden: false))

  public func validate(_ config: Value, ranges: AttributeRanges) -> [Diagnostic] {
    ProjectVariable().validate(config, ranges: ranges)
  }

  public func id(of object: Value) -> String { object.string("id") ?? "" }

  /// The instance has one variable per key.
  public func claim(of planned: Value) -> ObjectClaim? {
    let key = planned[attribute: "key"]
    guard key.isKnown, let text = key.stringValue else { return nil }
    return ObjectClaim(
      owner: nil, name: "instance-variable:" + text,
      description: "the instance variable \(key.containsSensitive ? "(sensitive value)" : text)")
  }

  private func object(_ variable: GitLabVariable, base: Value) -> Value {
    CIVariableRules.object(variable, base: base, id: variable.key)
  }

  public func create(_ planned: Value, context: ResourceContext) throws -> Value {
    return try RequiredAccess.explaining(InstanceVariable.need) {
      let variable = try context.client.createInstanceVariable(
        key: planned.string("key") ?? "", CIVariableRules.settings(planned, forCreate: true))
      return object(variable, base: planned)
    }
  }

  public func update(prior: Value, planned: Value, context: ResourceContext) throws -> Value {
    return try RequiredAccess.explaining(InstanceVariable.need) {
      let variable = try context.client.updateInstanceVariable(
        key: prior.string("key") ?? "", CIVariableRules.settings(planned, forCreate: false))
      return object(variable, base: planned)
    }
  }

  public func read(_ prior: Value, context: ResourceContext) throws -> Value? {
    return try RequiredAccess.explaining(InstanceVariable.need) {
      do {
        return object(try context.client.instanceVariable(key: prior.string("key") ?? ""), base: prior)
      } catch let error as GitLabError where error.code == .notFound {
        return nil  // Only administrators reach these routes, and they see every variable.
      }
    }
  }

  public func refreshKey(of prior: Value) -> String? { "instance" }

  public func readAll(_ priors: [Value], context: ResourceContext) throws -> [Value?] {
    return try RequiredAccess.explaining(InstanceVariable.need) {
      let variables = try context.client.instanceVariables()
      return priors.map { prior in
        variables.first { $0.key == prior.string("key") }.map { object($0, base: prior) }
      }
    }
  }

  public func findCreated(_ pending: Value, claimed: Set<String>, context: ResourceContext) throws -> Value? {
    try read(pending, context: context)
  }

  public func delete(_ prior: Value, context: ResourceContext) throws {
    try RequiredAccess.explaining(InstanceVariable.need) {
      do {
        try context.client.deleteInstanceVariable(key: prior.string("key") ?? "")
      } catch let error as GitLabError where error.code == .notFound {
        return  // Already gone, or deleted by an earlier attempt whose answer was lost.
      }
    }
  }

  public func importObject(id: String) -> Result<Value, ImportIDError> {
    guard ProjectVariable.isValidKey(id) else {
      return .failure(
        ImportIDError("Unexpected import id \(Value.quoted(id)): expected <key>, for example \"DEPLOY_TOKEN\"."))
    }
    return .success(Value.object(schema, ["key": .string(id), "id": .string(id), "value": .string("")]))
  }
}
