/// Advice for configurations carried over from Terraform that rotate tokens with the
/// hashicorp/time provider (`time_rotating`, `time_offset` feeding `expires_at`, often with
/// `replace_triggered_by`). gitform has no such resources: it renews tokens itself through
/// `rotation_configuration`, so `validate` says so and shows the block to write instead.
enum TimeProviderMigration {
  static let resourceTypes: Set<String> = ["time_rotating", "time_offset"]

  /// The paragraphs that follow "gitform does not support ..." for a time resource; nil for
  /// any other type. `block` (the time resource's own body, when there is one) lends its
  /// period: `rotation_days = 30` becomes `expiration_days = 30`.
  static func advice(for type: String, block: Block? = nil) -> String? {
    guard resourceTypes.contains(type) else { return nil }
    let days = block.flatMap(periodDays(in:)) ?? 30
    let before = min(7, max(1, days / 4))
    return "\(Value.quoted(type)) belongs to the hashicorp/time provider, which gitform does not have: "
      + "gitform renews tokens itself. Remove the \(type) resource and its references (expires_at, "
      + "replace_triggered_by) and give the token a rotation_configuration instead:\n\n"
      + "  rotation_configuration = {\n"
      + "    expiration_days    = \(days)\n"
      + "    rotate_before_days = \(before)\n"
      + "  }\n\n"
      + "Each gitform apply then rotates the token once it is within rotate_before_days of its expiry, "
      + "and the new token expires expiration_days later."
  }

  /// The period a time resource's literal arguments describe, in days.
  private static func periodDays(in block: Block) -> Int? {
    let factors = [
      "rotation_days": 1, "rotation_months": 30, "rotation_years": 365, "offset_days": 1,
      "offset_months": 30, "offset_years": 365,
    ]
    for attribute in block.body.attributes {
      guard let factor = factors[attribute.name],
        case .literal(.number(let text)) = attribute.expression.kind,
        let number = Int(text), number > 0, number <= 36500
      else { continue }
      return number * factor
    }
    return nil
  }
}
