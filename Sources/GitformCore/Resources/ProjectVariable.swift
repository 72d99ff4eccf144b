import Foundation

/// `project_variable`: a CI/CD variable of a project, typically carrying a token.
///
/// Import id `<project>:<key>[:<environment_scope>]` (scope `*` when left out). The value is
/// always sensitive (the provider's rule): a CI variable holds secrets whatever its source. Value and
/// settings change in place; `project`, `key`, `environment_scope` and `hidden` force a
/// replacement, old variable first (the same key cannot exist twice in one scope). Refresh
/// lists each project's variables once. A hidden variable's value cannot be read back, so
/// the state keeps the configured one.
public struct ProjectVariable: ResourceType {
  public init() {}

  public let name = "project_variable"
  public let summary = "A CI/CD variable of a project."

  public let schema = ResourceSchema(attributes: [
    AttributeSchema(
      "project", .string, .required, forcesReplacement: true,
      description: "The project's id or full path."),
    AttributeSchema(
      "key", .string, .required, forcesReplacement: true,
      description: "The name: letters, digits and _, at most 255 characters."),
    AttributeSchema(
      "environment_scope", .string, .optional, forcesReplacement: true, default: .string("*")),
    AttributeSchema("id", .string, .computed, description: "<project>:<key>:<environment_scope>"),
  ] + CIVariableRules.settingAttributes(hidden: true))

  public func validate(_ config: Value, ranges: AttributeRanges) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    if let key = config.string("key"), !ProjectVariable.isValidKey(key) {
      diagnostics.append(
        .error(
          "Invalid variable key",
          detail: "\(config[attribute: "key"]) is not a valid key: use only A-Z, a-z, 0-9 and _, "
            + "1 to 255 characters.", subject: ranges.range(of: "key")))
    }
    if let type = config.string("variable_type"), !["env_var", "file"].contains(type) {
      diagnostics.append(
        .error(
          "Invalid variable_type",
          detail: "variable_type must be \"env_var\" or \"file\", not \(config[attribute: "variable_type"]).",
          subject: ranges.range(of: "variable_type")))
    }
    let masked = config.bool("masked") ?? false
    if config.bool("hidden") == true && !masked {
      diagnostics.append(
        .error(
          "Invalid Attribute Combination",
          detail: "A variable cannot be hidden without being masked: set masked = true.",
          subject: ranges.range(of: "hidden")))
    }
    if masked, let value = config.string("value"),
      let problem = ProjectVariable.maskingProblem(value, raw: config.bool("raw") ?? false)
    {
      // The value itself may be a secret: the message describes it, never shows it.
      diagnostics.append(
        .error(
          "Invalid value for a masked variable",
          detail: "GitLab would reject this masked value: \(problem)",
          subject: ranges.range(of: "value")))
    }
    diagnostics += TokenChecks.checkDescription(config, ranges: ranges)
    return diagnostics
  }

  static func isValidKey(_ key: String) -> Bool {
    (1...255).contains(key.utf8.count)
      && key.unicodeScalars.allSatisfy {
        ($0.isASCII && (("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0))) || $0 == "_"
      }
  }

  /// GitLab's masking rules (`Ci::Maskable`): at least 8 characters on one line; unless raw,
  /// only the Base64 alphabet and `@ : . ~ -`.
  static func maskingProblem(_ value: String, raw: Bool) -> String? {
    if value.count < 8 { return "it must be at least 8 characters long." }
    if raw {
      if value.unicodeScalars.contains(where: { $0.properties.isWhitespace }) {
        return "it must not contain whitespace."
      }
      return nil
    }
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+=/@:.~-")
    if !value.allSatisfy({ allowed.contains($0) }) {
      return "it must be a single line of letters, digits and the characters _ + = / @ : . ~ - "
        + "(or set raw = true to allow any characters but whitespace)."
    }
    return nil
  }

  public func id(of object: Value) -> String { object.string("id") ?? "" }

  public func owner(of planned: Value) -> ObjectOwner? {
    TokenAttributes.owner(planned, .project, attribute: "project")
  }

  /// A project has one variable per key and environment scope: two instances naming the same
  /// would overwrite each other's value on every apply (or the second create would fail).
  public func claim(of planned: Value) -> ObjectClaim? {
    guard let owner = owner(of: planned) else { return nil }
    let key = planned[attribute: "key"]
    let scope = planned[attribute: "environment_scope"]
    guard key.isKnown, scope.isKnown, let keyText = key.stringValue, let scopeText = scope.stringValue else {
      return nil
    }
    let shownKey = key.containsSensitive ? "(sensitive value)" : keyText
    let shownScope = scope.containsSensitive ? "(sensitive value)" : Value.quoted(scopeText)
    return ObjectClaim(
      owner: owner, name: keyText + "\u{0}" + scopeText,
      description: "the variable \(shownKey) (environment scope \(shownScope)) of \(owner.description)")
  }

  public func create(_ planned: Value, context: ResourceContext) throws -> Value {
    let project = planned.string("project") ?? ""
    let variable = try context.client.createProjectVariable(
      project: GitLabReference(project), key: planned.string("key") ?? "",
      CIVariableRules.settings(planned, forCreate: true))
    return object(variable, base: planned, project: project)
  }

  public func update(prior: Value, planned: Value, context: ResourceContext) throws -> Value {
    let project = prior.string("project") ?? ""
    let variable = try context.client.updateProjectVariable(
      project: GitLabReference(project), key: prior.string("key") ?? "",
      environmentScope: prior.string("environment_scope"), CIVariableRules.settings(planned, forCreate: false))
    return object(variable, base: planned, project: project)
  }

  public func read(_ prior: Value, context: ResourceContext) throws -> Value? {
    do {
      let variable = try context.client.projectVariable(
        project: GitLabReference(prior.string("project") ?? ""), key: prior.string("key") ?? "",
        environmentScope: prior.string("environment_scope"))
      let project = prior.string("project") ?? ""
      return object(variable, base: prior, project: context.movedPath(project, isGroup: false) ?? project)
    } catch let error as GitLabError where error.code == .notFound {
      try ParentAccess.confirmGone(in: .project(prior.string("project") ?? ""), context: context)
      return nil
    }
  }

  public func refreshKey(of prior: Value) -> String? {
    prior.string("project").map { "project:\($0)" }
  }

  public func readAll(_ priors: [Value], context: ResourceContext) throws -> [Value?] {
    guard let project = priors.first?.string("project") else { return priors.map { _ in nil } }
    let variables: [GitLabVariable]
    do {
      variables = try context.client.projectVariables(project: GitLabReference(project))
    } catch let error as GitLabError where error.code == .notFound {
      // The project is gone, and with it every variable — if the token could have seen it.
      try ParentAccess.confirmGone(in: .project(project), context: context)
      return priors.map { _ in nil }
    }
    let current = context.movedPath(project, isGroup: false) ?? project
    return priors.map { prior in
      variables.first {
        $0.key == prior.string("key") && $0.environmentScope == prior.string("environment_scope")
      }.map { object($0, base: prior, project: current) }
    }
  }

  /// A variable whose create answer was lost is found by its key and scope; its value is the
  /// configured one, so nothing was lost.
  public func findCreated(_ pending: Value, claimed: Set<String>, context: ResourceContext) throws -> Value? {
    try read(pending, context: context)
  }

  public func delete(_ prior: Value, context: ResourceContext) throws {
    do {
      try context.client.deleteProjectVariable(
        project: GitLabReference(prior.string("project") ?? ""), key: prior.string("key") ?? "",
        environmentScope: prior.string("environment_scope"))
    } catch let error as GitLabError where error.code == .notFound {
      // Already gone (or an earlier attempt deleted it) — unless the project is hidden.
      try ParentAccess.confirmGone(in: .project(prior.string("project") ?? ""), context: context)
    }
  }

  public func equivalent(
    _ attribute: String, configured: Value, prior: Value, context: ResourceContext
  ) -> Bool {
    guard attribute == "project", let a = configured.stringValue, let b = prior.string("project")
    else { return false }
    return context.sameNamespace(a, b, isGroup: false)
  }

  /// `base` updated from GitLab's answer (`CIVariableRules.object`), in `project`.
  private func object(_ variable: GitLabVariable, base: Value, project: String) -> Value {
    CIVariableRules.object(variable, base: base, id: "\(project):\(variable.key):\(variable.environmentScope)")
      .setting("project", .string(project))
  }

  public func importObject(id: String) -> Result<Value, ImportIDError> {
    guard let (project, key, scope) = CIVariableRules.scopedID(id) else {
      return .failure(
        ImportIDError(
          "Unexpected import id \(Value.quoted(id)): expected <project>:<key>[:<environment_scope>], "
            + "for example \"group/app:DEPLOY_TOKEN:*\"."))
    }
    return .success(
      Value.object(
        schema,
        [
          "project": .string(project), "key": .string(key),
          "environment_scope": .string(scope), "id": .string("\(project):\(key):\(scope)"),
          "value": .string(""),
        ]))
  }
}
