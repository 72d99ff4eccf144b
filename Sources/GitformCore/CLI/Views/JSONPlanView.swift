/// A plan in Terraform's JSON plan shape (`terraform show -json PLAN`, reference §3.8), so the
/// policy tools that read Terraform's JSON plan read gitform's.
///
/// Unlike Terraform, sensitive leaves are redacted: their value is null and the
/// `*_sensitive` mask says `true` there. A token manager's plan artifact is read by every
/// Reporter of the project, so a token's value must never be in it.
/// Unknown values are omitted from objects (null in lists) and marked in `after_unknown`.
/// Terraform's `variables` member is left out: it lists every input value in plain text, and
/// a variable not declared sensitive may still carry a token. gitform adds two members
/// Terraform's readers ignore: `reason` on each change (its words for why) and `warnings`.
struct JSONPlanView {
  var plan: Plan
  var configuration: Configuration
  /// RFC 3339 time the plan was made (its clock).
  var timestamp: String

  static let providerName = "gitform.dev/builtin/gitlab"

  var document: JSON {
    var members: [(key: String, value: JSON)] = [
      ("format_version", .string("1.2")), ("terraform_version", .string(CommandLineInterface.version)),
      ("planned_values", plannedValues),
    ]
    // A refresh-only plan is its drift: Terraform's `resource_drift`, as update or delete changes.
    if plan.isRefreshOnly { members.append(("resource_drift", .array(plan.drift.map(driftChange)))) }
    members += [
      ("resource_changes", .array(plan.changes.map(resourceChange))),
      ("output_changes", .sortedObject(Dictionary(plan.outputChanges.map { ($0.name, outputChange($0)) }, uniquingKeysWith: { a, _ in a }))),
    ]
    if !plan.priorState.objects.isEmpty || !plan.priorState.outputs.isEmpty || !plan.priorState.deposed.isEmpty {
      members.append(("prior_state", priorState))
    }
    members += [
      ("configuration", configurationJSON), ("timestamp", .string(timestamp)),
      ("applyable", .bool(!plan.isEmpty)), ("complete", .bool(!plan.isTargeted)), ("errored", .bool(false)),
    ]
    return .object(members)
  }

  // MARK: - Resources

  static func identity(_ address: InstanceAddress) -> [(key: String, value: JSON)] {
    var members: [(key: String, value: JSON)] = [
      ("address", .string(address.description)), ("mode", .string("managed")),
      ("type", .string(address.resource.type)), ("name", .string(address.resource.name)),
    ]
    switch address.key {
    case .int(let index)?: members.append(("index", .integer(index)))
    case .string(let key)?: members.append(("index", .string(key)))
    case nil: break
    }
    members.append(("provider_name", .string(providerName)))
    return members
  }

  private var plannedValues: JSON {
    var resources: [(module: [ModuleStep], resource: JSON)] = []
    for change in plan.changes where change.deposedKey == nil && change.action != .delete && change.action != .forget {
      guard let after = change.after else { continue }
      resources.append(
        (change.address.resource.module, .object(
          JSONPlanView.identity(change.address) + [
            ("schema_version", .integer(0)), ("values", Redaction.value(after)),
            ("sensitive_values", Redaction.sensitiveMask(after)),
          ])))
    }
    var outputs: [String: JSON] = [:]
    for (name, value) in plan.outputs {
      outputs[name] = .object([("sensitive", .bool(value.containsSensitive)), ("value", Redaction.value(value))])
    }
    var members: [(key: String, value: JSON)] = []
    if !outputs.isEmpty { members.append(("outputs", .sortedObject(outputs))) }
    members.append(("root_module", JSONModuleTree.rootModule(resources)))
    return .object(members)
  }

  /// Terraform's action list for one change.
  static func actions(_ change: ResourceChange) -> [String] { actions(change.action) }

  static func actions(_ action: ChangeAction) -> [String] {
    switch action {
    case .createThenDelete: return ["create", "delete"]
    case .deleteThenCreate: return ["delete", "create"]
    default: return [action.rawValue]
    }
  }

  /// Terraform's `action_reason` where one of Terraform's reasons fits; gitform's own words
  /// are in `reason` (a field Terraform's readers ignore).
  static func actionReason(_ change: ResourceChange) -> String? {
    if let code = change.reason?.terraformCode { return code }
    if change.action.isReplace && !change.replacePaths.isEmpty { return "replace_because_cannot_update" }
    return change.action == .read ? "read_because_config_unknown" : nil
  }

  private func driftChange(_ entry: DriftEntry) -> JSON {
    resourceChange(
      ResourceChange(address: entry.address, action: entry.after == nil ? .delete : .update, before: entry.before, after: entry.after))
  }

  private func resourceChange(_ change: ResourceChange) -> JSON {
    var members = JSONPlanView.identity(change.address)
    if !change.address.resource.module.isEmpty {
      members.insert(("module_address", .string(ModuleStep.path(change.address.resource.module))), at: 1)
    }
    if let key = change.deposedKey { members.append(("deposed", .string(key))) }
    if let previous = change.previousAddress { members.append(("previous_address", .string(previous.description))) }
    var body: [(key: String, value: JSON)] = [
      ("actions", .array(JSONPlanView.actions(change).map { .string($0) })),
      ("before", change.before.map(Redaction.value) ?? .null),
      ("after", change.after.map(Redaction.value) ?? .null),
      ("after_unknown", change.after.map { Redaction.unknownMask($0) } ?? .bool(false)),
      ("before_sensitive", change.before.map { Redaction.sensitiveMask($0) } ?? .bool(false)),
      ("after_sensitive", change.after.map { Redaction.sensitiveMask($0) } ?? .bool(false)),
    ]
    if !change.replacePaths.isEmpty {
      body.append(("replace_paths", .array(change.replacePaths.sorted().map { .array([.string($0)]) })))
    }
    if let id = change.importID { body.append(("importing", .object([("id", .string(id))]))) }
    members.append(("change", .object(body)))
    if let reason = JSONPlanView.actionReason(change) { members.append(("action_reason", .string(reason))) }
    if let reason = change.reason { members.append(("reason", .string(ActionReasonText.words(reason)))) }
    return .object(members)
  }

  private func outputChange(_ output: OutputChange) -> JSON {
    let actions = JSONPlanView.actions(output.action)
    // As Terraform: a wholly unknown output has no `after` member at all.
    let unknown = output.after.map { Redaction.unknownMask($0) } ?? .bool(false)
    var members: [(key: String, value: JSON)] = [
      ("actions", .array(actions.map { .string($0) })),
      ("before", output.before.map(Redaction.value) ?? .null),
    ]
    if unknown != .bool(true) { members.append(("after", output.after.map(Redaction.value) ?? .null)) }
    return .object(members + [
      ("after_unknown", unknown),
      ("before_sensitive", .bool(output.before?.containsSensitive ?? false)),
      ("after_sensitive", .bool(output.after?.containsSensitive ?? false)),
    ])
  }

  /// The state the plan starts from, as Terraform's `prior_state`: values with sensitive leaves
  /// redacted and masked, deposed objects as their own entries with `deposed_key`.
  private var priorState: JSON {
    let snapshot = plan.priorState
    func entry(_ address: InstanceAddress, _ object: StateObject, deposed: String?) -> JSON {
      .object(
        JSONPlanView.identity(address) + (deposed.map { [("deposed_key", JSON.string($0))] } ?? []) + [
          ("schema_version", .integer(0)), ("values", Redaction.value(object.value)),
          ("sensitive_values", Redaction.sensitiveMask(object.value)),
        ])
    }
    var resources = snapshot.addresses.compactMap { address in
      snapshot.objects[address].map { (module: address.resource.module, resource: entry(address, $0, deposed: nil)) }
    }
    for key in snapshot.deposed.keys.sorted() {
      if let object = snapshot.deposed[key] {
        resources.append((key.address.resource.module, entry(key.address, object, deposed: key.key)))
      }
    }
    var outputs: [String: JSON] = [:]
    for (name, value) in snapshot.outputs {
      outputs[name] = .object([
        ("sensitive", .bool(value.containsSensitive)), ("value", Redaction.value(value)),
        ("type", ValueJSON.typeJSON(value.type)),
      ])
    }
    var values: [(key: String, value: JSON)] = []
    if !outputs.isEmpty { values.append(("outputs", .sortedObject(outputs))) }
    values.append(("root_module", JSONModuleTree.rootModule(resources)))
    return .object([
      ("format_version", .string("1.0")), ("terraform_version", .string(CommandLineInterface.version)),
      ("values", .object(values)),
    ])
  }

  // MARK: - Configuration

  private var configurationJSON: JSON {
    .object([
      ("provider_config", .object([("gitlab", .object([("name", .string("gitlab")), ("full_name", .string(JSONPlanView.providerName))]))])),
      ("root_module", JSONPlanView.moduleJSON(configuration)),
    ])
  }

  /// One module's configuration: outputs, resources, and the modules it calls (`module_calls`,
  /// by name, with their `source` and the called module's own configuration).
  private static func moduleJSON(_ configuration: Configuration) -> JSON {
    let resources = configuration.resources.filter { $0.mode == .managed }.map { block -> JSON in
      .object([
        ("address", .string(block.address.description)), ("mode", .string("managed")),
        ("type", .string(block.type)), ("name", .string(block.name)),
        ("provider_config_key", .string("gitlab")), ("schema_version", .integer(0)),
      ])
    }
    let outputs = configuration.outputs.map { output -> (String, JSON) in
      (output.name, .object(output.sensitive ? [("sensitive", .bool(true))] : []))
    }
    var members: [(key: String, value: JSON)] = []
    if !outputs.isEmpty { members.append(("outputs", .sortedObject(Dictionary(outputs, uniquingKeysWith: { a, _ in a })))) }
    members.append(("resources", .array(resources)))
    let calls = configuration.modules.compactMap { call -> (String, JSON)? in
      call.module.map { (call.name, .object([("source", .string(call.source)), ("module", moduleJSON($0.configuration))])) }
    }
    if !calls.isEmpty {
      members.append(("module_calls", .sortedObject(Dictionary(calls, uniquingKeysWith: { a, _ in a }))))
    }
    return .object(members)
  }
}
