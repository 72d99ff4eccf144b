/// What `optional(TYPE)` and `optional(TYPE, DEFAULT)` add to a type constraint, as a tree that
/// mirrors the type: at each object level the optional attributes and their defaults, below it
/// the same for nested attributes, collection elements ("") and tuple elements ("0", "1", ...).
///
/// Terraform (HCL's `typeexpr.Defaults`) applies defaults to a value *before* converting it to
/// the constraint, so a given `null` attribute takes the default and a nested default is itself
/// defaulted. `ValueType` has no notion of an optional attribute, so `apply` also fills each
/// missing optional attribute with a null of its type: the conversion that follows then
/// succeeds exactly where cty's conversion to an object with optional attributes does.
public struct TypeDefaults: Sendable, Equatable {
  /// The type of this node of the constraint.
  public var type: ValueType
  /// Optional attributes of an object node and their types (nulls for missing ones).
  public var optionalAttributes: [String: ValueType] = [:]
  /// Defaults of optional attributes, already converted to the attribute's type.
  public var defaultValues: [String: Value] = [:]
  /// Nodes below this one that have optional attributes somewhere.
  public var children: [String: TypeDefaults] = [:]

  /// The value with defaults and optional nulls in place; its type may still need converting.
  /// Null and unknown values are left alone, as in Terraform: only their attributes default.
  public func apply(_ value: Value) -> Value {
    guard value.isKnown, !value.isNull else { return value }
    let sensitive = value.isSensitive
    switch value.content {
    case .elements(let elements):
      let applied = elements.enumerated().map { index, element in
        child(String(index)).map { $0.apply(element) } ?? element
      }
      return Value.tuple(applied).marked(sensitive: sensitive)
    case .attributes(let attributes):
      var applied: [String: Value] = [:]
      for (key, attribute) in attributes {
        applied[key] = child(key).map { $0.apply(attribute) } ?? attribute
      }
      if case .object = type {
        for (name, defaultValue) in defaultValues where applied[name]?.isNull ?? true {
          applied[name] = children[name].map { $0.apply(defaultValue) } ?? defaultValue
        }
        for (name, attributeType) in optionalAttributes where applied[name] == nil {
          applied[name] = .null(attributeType)
        }
      }
      return Value.object(applied).marked(sensitive: sensitive)
    default:
      return value
    }
  }

  /// The node for an element or attribute: collections have one child for every element.
  private func child(_ key: String) -> TypeDefaults? {
    switch type {
    case .list, .set, .map: return children[""]
    case .tuple, .object: return children[key]
    default: return nil
    }
  }
}
