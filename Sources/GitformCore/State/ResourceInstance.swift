/// One object recorded for a resource instance (`instanceObjectStateV4`).
///
/// An instance normally has one current object. During a create-before-destroy replacement the
/// old object is kept as *deposed* (with an 8-hex-digit key) until it has been destroyed, so a
/// crash in between never loses track of a token that still exists.
public struct ResourceInstance: Equatable, Hashable, Sendable {
  /// Why an object must be replaced even without configuration changes.
  public enum Status: String, Equatable, Hashable, Sendable {
    /// Creation failed part-way; the object may exist but is not trusted.
    case tainted
  }

  public var indexKey: InstanceKey?
  public var status: Status?
  public var deposed: String?
  public var schemaVersion: UInt64
  /// The object's attributes as a JSON object. `init` and `State.upsert` sort object keys at
  /// every level (as Go writes maps); the codec then keeps the order it is given, because
  /// Terraform writes some nested values (`{"value": …, "type": …}`) in struct order and a
  /// file read from disk must be written back byte for byte.
  public var attributes: JSON
  /// Paths inside `attributes` whose values are sensitive (masked in output, not on disk).
  public var sensitiveAttributes: [AttributePath]
  /// Provider-private data, base64 as Terraform stores it.
  public var privateData: String?
  /// Addresses of the resources this object depended on when it was last applied; kept sorted
  /// so destroy order is known even after the configuration is gone.
  public var dependencies: [String]
  public var createBeforeDestroy: Bool

  public init(
    indexKey: InstanceKey? = nil, status: Status? = nil, deposed: String? = nil,
    schemaVersion: UInt64 = 0, attributes: JSON = .object([]),
    sensitiveAttributes: [AttributePath] = [], privateData: String? = nil,
    dependencies: [String] = [], createBeforeDestroy: Bool = false
  ) {
    self.indexKey = indexKey
    self.status = status
    self.deposed = deposed
    self.schemaVersion = schemaVersion
    self.attributes = attributes.sortingKeys()
    self.sensitiveAttributes = sensitiveAttributes
    self.privateData = privateData
    self.dependencies = dependencies
    self.createBeforeDestroy = createBeforeDestroy
  }

  /// Canonical form: dependencies and sensitive paths sorted and unique.
  public func normalized() -> ResourceInstance {
    var copy = self
    copy.dependencies = Array(Set(dependencies)).sorted()
    copy.sensitiveAttributes = Array(Set(sensitiveAttributes)).sorted()
    return copy
  }
}

extension JSON {
  /// The same value with every object's members sorted by key, as Go writes maps.
  public func sortingKeys() -> JSON {
    switch self {
    case .array(let elements): return .array(elements.map { $0.sortingKeys() })
    case .object(let members):
      return .object(
        members.map { (key: $0.key, value: $0.value.sortingKeys()) }.sorted { $0.key < $1.key })
    default: return self
    }
  }
}
