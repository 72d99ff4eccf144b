/// Values for machine-read plan output, with secrets left out and the masks that say where.
///
/// A sensitive value becomes null and its mask `true`; an unknown attribute is left out of its
/// object (null inside a list) and its unknown mask `true`. Masks follow Terraform's JSON plan:
/// objects list only the members that are not `false`, lists keep a `false` per element, and a
/// scalar with nothing to mark is `false`, an object `{}`.
enum Redaction {
  static func value(_ value: Value) -> JSON {
    if value.isSensitive { return .null }
    switch value.content {
    case .unknown: return .null
    case .elements(let elements): return .array(elements.map(Redaction.value))
    case .attributes(let attributes):
      var members: [String: JSON] = [:]
      for (name, attribute) in attributes where attribute.isKnown {
        members[name] = Redaction.value(attribute)
      }
      return .sortedObject(members)
    default: return ValueJSON.json(value)
    }
  }

  static func unknownMask(_ value: Value) -> JSON {
    mask(value) { !$0.isKnown }
  }

  static func sensitiveMask(_ value: Value) -> JSON {
    mask(value) { $0.isSensitive }
  }

  private static func mask(_ value: Value, _ marked: (Value) -> Bool) -> JSON {
    if marked(value) { return .bool(true) }
    switch value.content {
    case .elements(let elements): return .array(elements.map { mask($0, marked) })
    case .attributes(let attributes):
      var members: [String: JSON] = [:]
      for (name, attribute) in attributes {
        let inner = mask(attribute, marked)
        if inner != .bool(false) { members[name] = inner }
      }
      return .sortedObject(members)
    default: return .bool(false)
    }
  }
}
