/// Equality of attribute values as a diff sees it: content only, marks ignored.
enum ValueComparison {
  static func same(_ a: Value, _ b: Value) -> Bool {
    a.deepUnmarked().0 == b.deepUnmarked().0
  }
}

/// Puts the schema's sensitive marks on an object (state files and GitLab answers carry none).
enum SensitiveMarks {
  static func apply(_ schema: ResourceSchema, to object: Value) -> Value {
    guard var attributes = object.attributes else { return object }
    for attribute in schema.attributes where attribute.sensitive {
      if let value = attributes[attribute.name] { attributes[attribute.name] = value.marked(sensitive: true) }
    }
    return .object(attributes)
  }
}
