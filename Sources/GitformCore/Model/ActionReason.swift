/// Why a change is planned, as data: the engine and the resource types decide it, and only the
/// views put it into words (`ActionReasonText`), so no code ever compares a reason's text.
///
/// Modelled on Terraform's `plans.ResourceInstanceChangeActionReason`, with gitform's own cases
/// for what a token's lifecycle adds (rotation dates, values an interrupted apply never received).
public enum ActionReason: Sendable, Equatable {
  // Creates
  /// The configuration has it and the state does not.
  case notInState
  /// The state had it, and the refresh found it gone.
  case deletedOutside

  // Replacements
  /// `-replace=ADDRESS` asked for it.
  case replaceByRequest
  /// Something its `replace_triggered_by` refers to changes.
  case replaceByTriggers
  /// Attributes that cannot change in place changed (sorted names).
  case cannotUpdate(attributes: [String])
  /// GitLab says it was revoked, by someone other than gitform.
  case revokedOutside
  /// It expired on `date` (nil: an unrecorded earlier day) and something renews it.
  case expired(date: CalendarDate?)
  /// An interrupted apply created it but the secret GitLab sends once never arrived, and it
  /// cannot be rotated for a new one.
  case createdWithoutSecret

  // In-place updates
  /// Configured attributes changed (sorted names).
  case attributesChanged(attributes: [String])
  /// Attributes were changed in GitLab by someone else (a user blocked, renamed): the update
  /// sets them back to the configuration (sorted names).
  case changedOutside(attributes: [String])
  /// Its expiry is within `beforeDays` of `expiry`: rotation is due.
  case rotationDue(expiry: CalendarDate, beforeDays: Int)
  /// The configured rotation days changed.
  case rotationDaysChanged(expirationDays: Int, beforeDays: Int)
  /// It has no expiry and the rotation settings give it one.
  case rotationGivesExpiry
  /// An interrupted apply made it but never received its secret; a rotation gets one.
  case secretNeverReceived

  // Deletes
  /// The resource block is gone from the configuration.
  case noResourceConfig(resource: ResourceAddress)
  /// The module instance the object is in is gone from the configuration (its call, or its
  /// key in the call's `count` or `for_each`).
  case noModule(module: [ModuleStep])
  /// The index is beyond the resource's `count`.
  case countIndexOutOfRange(index: Int)
  /// The key is not in the resource's `for_each`.
  case eachKeyNotFound(key: String)
  /// The instance has a key but the resource no longer repeats (`uses` names which repetition).
  case noRepetition(resource: ResourceAddress, uses: Repetition)
  /// The instance has no key but the resource now repeats.
  case nowRepeated(resource: ResourceAddress)
  /// A deposed object left by an interrupted replacement.
  case deposedLeftover
  /// A `removed` block with `destroy = false`: the object leaves the state, and stays live.
  case removedWithoutDestroy

  // Reads
  /// A data source whose arguments are not known until apply.
  case readBecauseConfigUnknown

  /// Which repetition argument an instance key belonged to.
  public enum Repetition: String, Sendable {
    case count
    case forEach = "for_each"
  }

  /// A stable machine name: Terraform's `action_reason` where one of Terraform's reasons fits,
  /// gitform's own otherwise. Used by the JSON views and saved plans' digests.
  public var code: String {
    switch self {
    case .notInState: "create_because_not_in_state"
    case .deletedOutside: "create_because_deleted_outside"
    case .replaceByRequest: "replace_by_request"
    case .replaceByTriggers: "replace_by_triggers"
    case .cannotUpdate: "replace_because_cannot_update"
    case .revokedOutside: "replace_because_revoked"
    case .expired: "replace_because_expired"
    case .createdWithoutSecret: "replace_because_secret_lost"
    case .attributesChanged: "update_because_changed"
    case .changedOutside: "update_because_changed_outside"
    case .rotationDue: "rotate_because_due"
    case .rotationDaysChanged: "rotate_because_days_changed"
    case .rotationGivesExpiry: "rotate_because_no_expiry"
    case .secretNeverReceived: "rotate_because_secret_lost"
    case .noResourceConfig: "delete_because_no_resource_config"
    case .noModule: "delete_because_no_module"
    case .countIndexOutOfRange: "delete_because_count_index"
    case .eachKeyNotFound: "delete_because_each_key"
    case .noRepetition(_, .count): "delete_because_no_count"
    case .noRepetition(_, .forEach): "delete_because_no_for_each"
    case .nowRepeated: "delete_because_now_repeated"
    case .deposedLeftover: "delete_because_deposed"
    case .removedWithoutDestroy: "forget_because_removed"
    case .readBecauseConfigUnknown: "read_because_config_unknown"
    }
  }

  /// Terraform's own `action_reason` for this reason, when Terraform has one (JSON plan readers
  /// know only those).
  public var terraformCode: String? {
    switch self {
    case .replaceByRequest, .replaceByTriggers, .cannotUpdate, .noResourceConfig, .noModule, .readBecauseConfigUnknown: code
    case .countIndexOutOfRange: "delete_because_count_index"
    case .eachKeyNotFound: "delete_because_each_key"
    case .noRepetition, .nowRepeated: "delete_because_wrong_repetition"
    default: nil
    }
  }

  /// The data a reason carries, in a canonical order, for digests.
  public var arguments: [String] {
    switch self {
    case .cannotUpdate(let names), .attributesChanged(let names), .changedOutside(let names): names
    case .expired(let date): [date?.description ?? ""]
    case .rotationDue(let expiry, let before): [expiry.description, String(before)]
    case .rotationDaysChanged(let days, let before): [String(days), String(before)]
    case .noResourceConfig(let resource), .nowRepeated(let resource): [resource.description]
    case .noRepetition(let resource, _): [resource.description]
    case .noModule(let module): [ModuleStep.path(module)]
    case .countIndexOutOfRange(let index): [String(index)]
    case .eachKeyNotFound(let key): [key]
    default: []
    }
  }
}
