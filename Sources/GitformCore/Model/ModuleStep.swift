/// One step of a module instance path: `module.team` or `module.team["a"]`.
///
/// A resource in a module carries the steps from the root to its module instance; the root
/// module's resources carry none, so an address without modules is what it always was.
public struct ModuleStep: Equatable, Hashable, Sendable, CustomStringConvertible {
  public var name: String
  /// The module call's instance key (`count` or `for_each`); nil for a single instance.
  public var key: InstanceKey?

  public init(name: String, key: InstanceKey? = nil) {
    self.name = name
    self.key = key
  }

  public var description: String { "module." + name + (key?.description ?? "") }

  /// `module.a["x"].module.b`, as Terraform writes a module instance (empty for the root).
  public static func path(_ steps: [ModuleStep]) -> String {
    steps.map(\.description).joined(separator: ".")
  }

  /// Terraform's order of module instances: shorter paths first, then step by step by name
  /// and instance key.
  public static func precedes(_ lhs: [ModuleStep], _ rhs: [ModuleStep]) -> Bool {
    if lhs.count != rhs.count { return lhs.count < rhs.count }
    for (a, b) in zip(lhs, rhs) {
      if a.name != b.name { return a.name < b.name }
      if a.key != b.key { return InstanceKey.precedes(a.key, b.key) }
    }
    return false
  }

  /// Whether `steps` lies in `scope`: a step of `scope` without a key stands for every
  /// instance of its module call (`-target=module.team` selects all of `module.team[...]`).
  public static func contains(_ scope: [ModuleStep], _ steps: [ModuleStep]) -> Bool {
    guard scope.count <= steps.count else { return false }
    for (outer, inner) in zip(scope, steps) {
      guard outer.name == inner.name, outer.key == nil || outer.key == inner.key else { return false }
    }
    return true
  }
}
