/// Turns a parsed state document into a `State`, naming the first malformed field.
///
/// Fields gitform does not use (Terraform's `check_results`, identity data) are accepted and
/// dropped; fields it cannot represent faithfully (the legacy `attributes_flat`) are
/// refused rather than silently lost.
struct StateDecoder {
  let path: String
  let readerVersion: String
  /// True when decoding journal lines rather than a state file; only changes the messages.
  var isJournal = false

  func invalid(_ field: String, _ expectation: String) -> StateError {
    guard isJournal else { return .invalid(path, field, expectation) }
    return StateError(
      code: .invalidContent, summary: "Damaged apply journal",
      detail: """
        The apply journal "\(path)" is damaged: \(field) \(expectation). It records actions of \
        an interrupted apply; repair that line by hand, or move the file away and run \
        `gitform import` for any token created since the last complete apply. gitform has not \
        changed it.
        """, path: path)
  }

  func state(_ document: JSON) throws(StateError) -> State {
    guard case .object = document else {
      throw .foreign(path, "its top level is a JSON \(document.kindName), not an object")
    }
    guard let versionValue = document["version"] else {
      throw .foreign(path, "it has no \"version\" field")
    }
    guard let version = versionValue.int64Value else {
      throw .foreign(path, "its \"version\" field is a \(versionValue.kindName), not an integer")
    }
    guard version <= State.formatVersion else {
      let writer = document["terraform_version"]?.stringValue.map { "version \($0)" } ?? "an unknown program"
      throw .newer(path, version: String(version), reader: readerVersion, writer: writer)
    }
    guard version == State.formatVersion else { throw .older(path, version: String(version)) }

    guard let writerVersion = document["terraform_version"]?.stringValue else {
      throw invalid("terraform_version", "must be a string")
    }
    guard let serial = document["serial"]?.uint64Value else {
      throw invalid("serial", "must be a non-negative integer")
    }
    guard let lineage = document["lineage"]?.stringValue, !lineage.isEmpty else {
      throw invalid("lineage", "must be a non-empty string")
    }
    var outputs: [String: OutputState] = [:]
    if let outputMembers = try optionalObject(document["outputs"], field: "outputs") {
      for (name, value) in outputMembers {
        outputs[name] = try output(value, field: "outputs.\(name)")
      }
    }
    var resources: [ResourceState] = []
    var seenAddresses = Set<ResourceAddress>()
    for (offset, value) in try optionalArray(document["resources"], field: "resources").enumerated() {
      let decoded = try resource(value, field: "resources[\(offset)]")
      guard seenAddresses.insert(decoded.address).inserted else {
        throw invalid("resources[\(offset)]", "repeats the resource \(decoded.address)")
      }
      resources.append(decoded)
    }
    var state = State(
      terraformVersion: writerVersion, serial: serial, lineage: lineage, outputs: outputs,
      resources: resources)
    if let key = document["gitform_plan_key"] {
      guard let text = key.stringValue, text.count == 64, text.allSatisfy(\.isHexDigit) else {
        throw invalid("gitform_plan_key", "must be 64 hexadecimal digits")
      }
      state.planKey = text
    }
    return state
  }

  private func output(_ value: JSON, field: String) throws(StateError) -> OutputState {
    guard case .object = value, let outputValue = value["value"] else {
      throw invalid(field, "must be an object with a \"value\"")
    }
    guard let type = value["type"] else { throw invalid(field + ".type", "is missing") }
    let sensitive = try optionalBool(value["sensitive"], field: field + ".sensitive")
    var output = OutputState(value: outputValue, type: type, sensitive: sensitive)
    output.value = outputValue
    return output
  }

  func resourceHeader(_ value: JSON, field: String) throws(StateError) -> ResourceState {
    try resource(value, field: field)
  }

  private func resource(_ value: JSON, field: String) throws(StateError) -> ResourceState {
    guard case .object = value else { throw invalid(field, "must be an object") }
    var module: [ModuleStep] = []
    if let moduleValue = value["module"], !moduleValue.isNull {
      module = try moduleSteps(moduleValue, field: field + ".module")
    }
    guard let modeText = value["mode"]?.stringValue, let mode = ResourceAddress.Mode(rawValue: modeText) else {
      throw invalid(field + ".mode", "must be \"managed\" or \"data\"")
    }
    let type = try string(value["type"], field: field + ".type")
    let name = try string(value["name"], field: field + ".name")
    var each: ResourceState.Each?
    if let eachValue = value["each"] {
      guard let text = eachValue.stringValue, let parsed = ResourceState.Each(rawValue: text) else {
        throw invalid(field + ".each", "must be \"list\" or \"map\"")
      }
      each = parsed
    }
    let provider = try string(value["provider"], field: field + ".provider")
    var instances: [ResourceInstance] = []
    var seen = Set<InstanceIdentity>()
    for (offset, element) in try optionalArray(value["instances"], field: field + ".instances").enumerated() {
      let decoded = try instance(element, field: field + ".instances[\(offset)]")
      guard seen.insert(InstanceIdentity(key: decoded.indexKey, deposed: decoded.deposed)).inserted else {
        throw invalid(field + ".instances[\(offset)]", "repeats an earlier instance's index_key and deposed key")
      }
      instances.append(decoded)
    }
    return ResourceState(
      address: ResourceAddress(mode: mode, type: type, name: name, module: module), each: each, provider: provider,
      instances: instances)
  }

  /// `"module.team[\"a\"]"`: the module instance a resource is in.
  private func moduleSteps(_ value: JSON, field: String) throws(StateError) -> [ModuleStep] {
    let text = try string(value, field: field)
    guard !text.isEmpty else { return [] }
    do {
      let parsed = try InstanceAddress.parse(text, allowingModule: true)
      guard parsed.resource.isModuleOnly, parsed.key == nil else { throw invalid(field, "must name a module instance, as in module.team") }
      return parsed.resource.module
    } catch {
      throw invalid(field, "must name a module instance, as in module.team")
    }
  }

  /// What must be unique among a resource's instances.
  private struct InstanceIdentity: Hashable {
    var key: InstanceKey?
    var deposed: String?
  }

  // MARK: - Field helpers

  func string(_ value: JSON?, field: String) throws(StateError) -> String {
    guard let text = value?.stringValue else { throw invalid(field, "must be a string") }
    return text
  }

  func optionalBool(_ value: JSON?, field: String) throws(StateError) -> Bool {
    guard let value, !value.isNull else { return false }
    guard let flag = value.boolValue else { throw invalid(field, "must be true or false") }
    return flag
  }

  func optionalArray(_ value: JSON?, field: String) throws(StateError) -> [JSON] {
    guard let value, !value.isNull else { return [] }
    guard let elements = value.arrayElements else { throw invalid(field, "must be an array") }
    return elements
  }

  func optionalObject(_ value: JSON?, field: String) throws(StateError) -> [(key: String, value: JSON)]? {
    guard let value, !value.isNull else { return nil }
    guard let members = value.objectMembers else { throw invalid(field, "must be an object") }
    return members
  }
}
