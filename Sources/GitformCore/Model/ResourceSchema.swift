/// The shape of a resource or data source: its attributes, some of them nested objects.
///
/// Config checks a block against it (unknown names, missing required ones, types), Plan uses it
/// to tell what the user sets from what GitLab computes and which changes force a replacement,
/// and State uses it to write `sensitive_attributes`. A schema is data, never behaviour.
public struct ResourceSchema: Sendable {
  public var attributes: [AttributeSchema] {
    didSet {
      objectType = Self.objectType(of: attributes)
      nullAttributes = Self.nullAttributes(of: attributes)
    }
  }
  /// The object type of one instance: every attribute, nested ones as objects (or null). Kept,
  /// not computed per call: every instance's value is an object of it, and building the type
  /// anew was a twentieth of `validate` on 10,000 resources.
  public private(set) var objectType: ValueType
  /// Every attribute as a typed null: the start of an instance's object, which then needs one
  /// hash per attribute written instead of two per attribute of the schema.
  public private(set) var nullAttributes: [String: Value]

  public init(attributes: [AttributeSchema]) {
    let sorted = attributes.sorted { $0.name < $1.name }
    self.attributes = sorted
    objectType = Self.objectType(of: sorted)
    nullAttributes = Self.nullAttributes(of: sorted)
  }

  public func attribute(_ name: String) -> AttributeSchema? {
    attributes.first { $0.name == name }
  }

  /// Every name a configuration may write in the block body, for "Did you mean".
  public var configurableNames: [String] {
    attributes.filter { $0.presence != .computed }.map(\.name)
  }

  /// Nested attributes, which a configuration may also write as a block (see `nested`).
  public var nestedAttributes: [AttributeSchema] {
    attributes.filter { !$0.nested.isEmpty }
  }

  private static func nullAttributes(of attributes: [AttributeSchema]) -> [String: Value] {
    var values: [String: Value] = [:]
    for attribute in attributes { values[attribute.name] = .null(attribute.type) }
    return values
  }

  private static func objectType(of attributes: [AttributeSchema]) -> ValueType {
    var types: [String: ValueType] = [:]
    for attribute in attributes { types[attribute.name] = attribute.type }
    return .object(types)
  }
}
/// One attribute of a schema.
public struct AttributeSchema: Sendable {
  /// Who gives the value: the configuration, GitLab, or either.
  public enum Presence: Sendable, Equatable {
    case required
    case optional
    /// Set by GitLab only; writing it in configuration is an error.
    case computed
    /// Optional in configuration; GitLab's (or the default's) value when left out.
    case optionalComputed
  }

  public var name: String
  public var type: ValueType
  public var presence: Presence
  /// Never shown: plans and messages print `(sensitive value)`.
  public var sensitive: Bool
  /// A change of the configured value cannot be made in place.
  public var forcesReplacement: Bool
  /// The value used when the configuration leaves the attribute out.
  public var defaultValue: Value?
  /// One sentence for the README and `-help`.
  public var description: String
  /// The attributes of a single nested attribute (the provider's `SingleNestedAttribute`, such
  /// as `rotation_configuration`): its type is the object of these. Written as the provider's
  /// users write it, `name = { ... }`, or as gitform's earlier block form `name { ... }`.
  public var nested: [AttributeSchema]

  public init(
    _ name: String, _ type: ValueType, _ presence: Presence, sensitive: Bool = false,
    forcesReplacement: Bool = false, default defaultValue: Value? = nil, description: String = "",
    nested: [AttributeSchema] = []
  ) {
    self.name = name
    self.nested = nested.sorted { $0.name < $1.name }
    self.type =
      nested.isEmpty ? type : .object(Dictionary(uniqueKeysWithValues: nested.map { ($0.name, $0.type) }))
    self.presence = presence
    self.sensitive = sensitive
    self.forcesReplacement = forcesReplacement
    self.defaultValue = defaultValue
    self.description = description
  }

  /// True when the configuration may (or must) set it.
  public var isConfigurable: Bool { presence != .computed }
  /// True when GitLab may supply it, so a planned value left out is "(known after apply)".
  public var isComputed: Bool { presence == .computed || presence == .optionalComputed }
}
