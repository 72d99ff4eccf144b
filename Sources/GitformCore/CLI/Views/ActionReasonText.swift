/// The words for every `ActionReason`: the one place a reason becomes text, for the plan's
/// `# (...)` lines, the JSON plan's `reason`, markdown tables and saved plans.
public enum ActionReasonText {
  public static func words(_ reason: ActionReason) -> String {
    switch reason {
    case .notInState: "not in the state yet"
    case .deletedOutside: "deleted outside gitform"
    case .replaceByRequest: "requested with -replace"
    case .replaceByTriggers: "due to changes in replace_triggered_by"
    case .cannotUpdate(let names): names.joined(separator: ", ") + " changed (forces replacement)"
    case .revokedOutside: "revoked outside gitform"
    case .expired(let date): "expired on \(date?.description ?? "an earlier day")"
    case .createdWithoutSecret: "an interrupted apply created it but never received its value"
    case .attributesChanged(let names): names.joined(separator: ", ") + " changed"
    case .changedOutside(let names):
      names.joined(separator: ", ") + " changed outside gitform; apply sets " + (names.count == 1 ? "it" : "them")
        + " back to the configuration"
    case .rotationDue(let expiry, let before): "expires \(expiry), within rotate_before_days = \(before)"
    case .rotationDaysChanged(let days, let before):
      "rotation_configuration changed to expiration_days = \(days), rotate_before_days = \(before)"
    case .rotationGivesExpiry: "it has no expiry date, and rotation_configuration gives it one"
    case .secretNeverReceived:
      "an interrupted apply made this token but never received its value; a rotation gets one"
    case .noResourceConfig(let resource): "\(resource) is not in configuration"
    case .noModule(let module): "\(ModuleStep.path(module)) is not in configuration"
    case .countIndexOutOfRange(let index): "index [\(index)] is out of range for count"
    case .eachKeyNotFound(let key): "key [\(Value.quoted(key))] is not in for_each map"
    case .noRepetition(let resource, let uses): "\(resource) does not use \(uses.rawValue)"
    case .nowRepeated(let resource): "\(resource) uses count or for_each"
    case .deposedLeftover: "left over from a partially-failed replacement of this instance"
    case .removedWithoutDestroy: "destroy = false is set in the configuration"
    case .readBecauseConfigUnknown: "config refers to values not yet known"
    }
  }
}
