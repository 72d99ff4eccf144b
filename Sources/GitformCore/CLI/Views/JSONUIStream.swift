import Foundation

/// Terraform's machine-readable UI (`-json`, reference §3.9): one JSON object per line with
/// `@level`, `@message`, `@module`, `@timestamp`, `type` and the type's payload.
///
/// Secrets never enter a message: resource values are not part of any message type used here,
/// and diagnostics are gitform's own, which never carry a token.
struct JSONUIStream: @unchecked Sendable {
  let write: @Sendable (String) -> Void
  /// The clock for `@timestamp`; the real one outside tests.
  var now: () -> Date = Date.init
  /// Guards `write` and `formatter`: apply workers emit from many threads.
  private let lock = NSLock()
  /// One formatter for the whole stream (making one per message would dominate a big apply).
  private let formatter: DateFormatter = {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'"
    return formatter
  }()

  init(write: @escaping @Sendable (String) -> Void) {
    self.write = write
  }

  func emit(_ type: String, level: String = "info", _ message: String, _ payload: [(String, GoJSON)] = []) {
    lock.withLock {
      let object = GoJSON.object(
        [
          ("@level", .string(level)), ("@message", .string(message)), ("@module", .string("gitform.ui")),
          ("@timestamp", .string(formatter.string(from: now()))),
        ] + payload + [("type", .string(type))])
      write(object.compact + "\n")
    }
  }

  func version() {
    emit(
      "version", "gitform \(CommandLineInterface.version)",
      [("terraform", .string(CommandLineInterface.version)), ("ui", .string("1.2"))])
  }

  func log(_ line: String) { emit("log", line) }

  func diagnostics(_ diagnostics: [Diagnostic], sources: [DiagnosticSource]) {
    for diagnostic in diagnostics {
      let warning = diagnostic.severity == .warning
      emit(
        "diagnostic", level: warning ? "warn" : "error",
        (warning ? "Warning: " : "Error: ") + diagnostic.summary,
        [("diagnostic", DiagnosticJSON.object(diagnostic, sources: sources))])
    }
  }

  /// Terraform's resource object of a hook or change.
  static func resource(_ address: InstanceAddress) -> GoJSON {
    let key: GoJSON
    switch address.key {
    case .int(let index)?: key = .int(index)
    case .string(let text)?: key = .string(text)
    case nil: key = .null
    }
    return .object([
      ("addr", .string(address.description)), ("module", .string(ModuleStep.path(address.resource.module))),
      ("resource", .string(InstanceAddress(resource: address.resource.local, key: address.key).description)),
      ("implied_provider", .string("gitlab")), ("resource_type", .string(address.resource.type)),
      ("resource_name", .string(address.resource.name)), ("resource_key", key),
    ])
  }

  /// The UI's action word for a planned change.
  static func action(_ change: ResourceChange) -> String {
    switch change.action {
    case .noOp: return change.importID != nil ? "import" : change.previousAddress != nil ? "move" : "noop"
    case .create: return "create"
    case .read: return "read"
    case .update: return "update"
    case .deleteThenCreate, .createThenDelete: return "replace"
    case .delete: return "delete"
    case .forget: return "remove"
    }
  }

  func plannedChanges(_ plan: Plan) {
    // Changes made outside gitform come first, as Terraform's `resource_drift` messages.
    for entry in plan.drift {
      let action = entry.after == nil ? "delete" : "update"
      emit(
        "resource_drift", "\(entry.address): Drift detected (\(action))",
        [("change", .object([("resource", JSONUIStream.resource(entry.address)), ("action", .string(action))]))])
    }
    for change in plan.actions {
      let action = JSONUIStream.action(change)
      let verb = ["noop": "Plan to import", "create": "Plan to create", "read": "Plan to read",
        "update": "Plan to update", "replace": "Plan to replace", "delete": "Plan to delete",
        "move": "Plan to move", "remove": "Plan to remove"][action] ?? action
      let address = change.address.description + (change.deposedKey.map { " (deposed object \($0))" } ?? "")
      var body: [(String, GoJSON)] = [("resource", JSONUIStream.resource(change.address)), ("action", .string(action))]
      if let reason = JSONPlanView.actionReason(change) { body.append(("reason", .string(reason))) }
      if let id = change.importID { body.append(("importing", .object([("id", .string(id))]))) }
      if let previous = change.previousAddress { body.append(("previous_resource", JSONUIStream.resource(previous))) }
      emit("planned_change", "\(address): \(verb)", [("change", .object(body))])
    }
  }

  func changeSummary(_ plan: Plan, message: String) {
    emit(
      "change_summary", message,
      [("changes", .object([
        ("add", .int(plan.addCount)), ("change", .int(plan.changeCount)), ("import", .int(plan.importCount)),
        ("remove", .int(plan.destroyCount)), ("operation", .string(plan.isDestroy ? "destroy" : "plan")),
      ]))])
  }

  func applySummary(_ result: ApplyResult, destroy: Bool, message: String) {
    emit(
      "change_summary", message,
      [("changes", .object([
        ("add", .int(result.added)), ("change", .int(result.changed)), ("import", .int(result.imported)),
        ("remove", .int(result.destroyed)), ("operation", .string(destroy ? "destroy" : "apply")),
      ]))])
  }

  /// `apply_start`, `apply_progress`, `apply_complete` or `apply_errored` for one event.
  func applyEvent(_ event: ApplyEvent) {
    let action: String
    switch event.operation {
    case .create: action = "create"
    case .update: action = "update"
    case .delete: action = "delete"
    case .read: action = "read"
    case .importing: action = "import"
    }
    var hook: [(String, GoJSON)] = [("resource", JSONUIStream.resource(event.address)), ("action", .string(action))]
    let type: String
    switch event.kind {
    case .started:
      type = "apply_start"
      if let id = event.id, event.operation != .create { hook += [("id_key", .string("id")), ("id_value", .string(id))] }
    case .running(let seconds):
      type = "apply_progress"
      hook.append(("elapsed_seconds", .int(seconds)))
    case .completed(let seconds):
      type = "apply_complete"
      if let id = event.id, event.operation != .delete { hook += [("id_key", .string("id")), ("id_value", .string(id))] }
      hook.append(("elapsed_seconds", .int(seconds)))
    case .failed:
      type = "apply_errored"
    }
    // Terraform's words for a failed step ("Creation errored"); the cause follows as a diagnostic.
    let message: String
    if case .failed = event.kind {
      let address = event.deposed.map { "\(event.address) (deposed object \($0))" } ?? event.address.description
      message = "\(address): \(event.operation.doneNoun) errored"
    } else {
      message = event.line
    }
    emit(type, level: type == "apply_errored" ? "error" : "info", message, [("hook", .object(hook))])
  }

  /// The `outputs` message: values of non-sensitive outputs, sensitive ones flagged without a value.
  func outputs(_ outputs: [String: Value]) {
    var members: [(String, GoJSON)] = []
    for name in outputs.keys.sorted() {
      guard let value = outputs[name] else { continue }
      var body: [(String, GoJSON)] = [("sensitive", .bool(value.containsSensitive))]
      if !value.containsSensitive { body.append(("value", GoJSON.from(ValueJSON.json(value)))) }
      body.append(("type", GoJSON.from(ValueJSON.typeJSON(value.type))))
      members.append((name, .object(body)))
    }
    emit("outputs", "Outputs: \(outputs.count)", [("outputs", .object(members))])
  }
}

extension GoJSON {
  /// The same value in Go's JSON encoding (numbers keep their exact text).
  static func from(_ json: JSON) -> GoJSON {
    switch json {
    case .null: return .null
    case .bool(let flag): return .bool(flag)
    case .number(let text): return Int(text).map { .int($0) } ?? .number(text)
    case .string(let text): return .string(text)
    case .array(let items): return .array(items.map(from))
    case .object(let members): return .object(members.map { ($0.key, from($0.value)) })
    }
  }
}
