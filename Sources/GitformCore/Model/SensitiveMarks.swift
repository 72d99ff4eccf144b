/// Puts the schema's sensitive marks on an object (state files and GitLab answers carry none).
///
/// With `reference` (the planned value after create or update, the prior value after a
/// refresh), an attribute that was sensitive there stays sensitive: GitLab echoes back a
/// description or key built from a token as a plain string, and sensitivity must follow the
/// value, not the answer (Terraform re-applies the planned value's marks the same way). The
/// whole attribute is marked when any part of it was, the same granularity the state records.
enum SensitiveMarks {
  static func apply(_ schema: ResourceSchema, to object: Value, carrying reference: Value? = nil) -> Value {
    guard var attributes = object.attributes else { return object }
    for attribute in schema.attributes where attribute.sensitive {
      if let value = attributes[attribute.name] { attributes[attribute.name] = value.marked(sensitive: true) }
    }
    for (name, value) in reference?.attributes ?? [:] where value.containsSensitive {
      attributes[name] = attributes[name]?.marked(sensitive: true)
    }
    markIdentifier(&attributes)
    return .object(attributes)
  }

  /// An `id` that contains the text of a sensitive attribute (a project variable's id is
  /// `<project>:<key>:<scope>`) would print that text in every progress line, so it is
  /// sensitive too. Erring this way only hides an id; the other way leaks a secret.
  private static func markIdentifier(_ attributes: inout [String: Value]) {
    guard let id = attributes["id"], !id.isSensitive, let text = id.stringValue else { return }
    if idContainsSecret(text, attributes) { attributes["id"] = id.marked(sensitive: true) }
  }

  /// Kept apart from the mutation above: reading and writing the dictionary in one loop crashed
  /// Swift 6.3.1's optimizer in release builds ("Found outside of lifetime use").
  private static func idContainsSecret(_ text: String, _ attributes: [String: Value]) -> Bool {
    attributes.contains { name, value in
      guard name != "id", value.containsSensitive, let secret = secretText(value) else { return false }
      return text.contains(secret)
    }
  }

  private static func secretText(_ value: Value) -> String? {
    let plain = value.deepUnmarked().0
    if let text = plain.stringValue { return text.isEmpty ? nil : text }
    if let number = plain.numberValue { return NumberFormatting.string(number) }
    return nil
  }
}
