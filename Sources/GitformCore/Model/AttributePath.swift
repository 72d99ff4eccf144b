/// A path to a value inside a resource's attributes, as recorded in `sensitive_attributes`:
/// `[{"type":"get_attr","value":"token"}]` is `token`, an `index` step selects a list element
/// or map key.
public struct AttributePath: Equatable, Hashable, Sendable, Comparable, CustomStringConvertible {
  public enum Step: Equatable, Hashable, Sendable {
    case attribute(String)
    /// A list index (a JSON number) or a map key (a JSON string).
    case index(JSON)
  }

  public var steps: [Step]

  public init(_ steps: [Step]) { self.steps = steps }

  /// A path of attribute names only, e.g. `AttributePath.attributes("token")`.
  public static func attributes(_ names: String...) -> AttributePath {
    AttributePath(names.map { .attribute($0) })
  }

  /// `token`, `rotation_configuration[0].expiration_days`, `tags["team"]`.
  public var description: String {
    var text = ""
    for step in steps {
      switch step {
      case .attribute(let name): text += text.isEmpty ? name : "." + name
      case .index(let key): text += "[" + JSONWriter.compact(key) + "]"
      }
    }
    return text
  }

  /// The on-disk form: an array of `{"type": …, "value": …}` steps.
  public var json: JSON {
    .array(
      steps.map { step in
        switch step {
        case .attribute(let name): return .object([("type", .string("get_attr")), ("value", .string(name))])
        case .index(let key): return .object([("type", .string("index")), ("value", key)])
        }
      })
  }

  /// Ordered by the on-disk text, which is total and stable.
  public static func < (lhs: AttributePath, rhs: AttributePath) -> Bool {
    JSONWriter.compact(lhs.json) < JSONWriter.compact(rhs.json)
  }
}
