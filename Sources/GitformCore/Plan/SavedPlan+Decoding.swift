extension SavedPlan {
  /// Reads a saved plan; nil when the bytes are not one of this format version. Says nothing
  /// about integrity: `isIntact(_:key:)` checks the bytes against the state's key.
  public static func decode(_ bytes: [UInt8]) -> SavedPlan? {
    guard let value = try? JSONParser.parse(bytes), value["gitform_plan"] == .integer(formatVersion),
      let lineage = value["lineage"]?.stringValue, let serial = value["serial"]?.uint64Value,
      let configuration = value["configuration_hmac"]?.stringValue,
      let variables = value["variables_hmac"]?.stringValue, let changes = value["changes_hmac"]?.stringValue,
      let destroy = value["destroy"]?.boolValue, let refresh = value["refresh"]?.boolValue,
      let text = value["plan_text"]?.stringValue, let document = value["plan_json"],
      let mac = value["hmac"]?.stringValue
    else { return nil }
    func strings(_ key: String) -> [String]? {
      guard let elements = value[key]?.arrayElements else { return nil }
      let texts = elements.compactMap(\.stringValue)
      return texts.count == elements.count ? texts : nil
    }
    guard let targets = strings("targets"), let replace = strings("replace"), let actions = strings("actions"),
      let reasonMembers = value["reasons"]?.objectMembers
    else { return nil }
    var plan = SavedPlan(
      lineage: lineage, serial: serial, configurationDigest: configuration, variablesDigest: variables,
      changesDigest: changes, destroy: destroy, refresh: refresh, targets: targets, replace: replace,
      actions: actions)
    plan.refreshOnly = value["refresh_only"] == .bool(true)
    switch value["planned_at"] {
    case .string(let time)?: plan.plannedAt = time
    case .null?: break
    default: return nil
    }
    for member in reasonMembers {
      guard let reason = member.value.stringValue else { return nil }
      plan.reasons[member.key] = reason
    }
    plan.text = text
    plan.document = document
    plan.mac = mac
    return plan
  }
}
