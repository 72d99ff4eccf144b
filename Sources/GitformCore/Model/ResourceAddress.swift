/// The address of a `resource` or `data` block: `user_token.bot`, `data.user.alice`, and in a
/// module instance `module.team["a"].project_token.deploy`.
///
/// Ordered as Terraform orders resources: by module instance (the root first), then by mode
/// (`data` before `managed`, as Terraform compares the mode names), then type, then name.
public struct ResourceAddress: Equatable, Hashable, Sendable, Comparable, CustomStringConvertible {
  public enum Mode: String, Equatable, Hashable, Sendable, CaseIterable {
    case managed
    case data
  }

  public var mode: Mode
  public var type: String
  public var name: String
  /// The module instance the resource is in; empty in the root module.
  public var module: [ModuleStep]

  public init(mode: Mode = .managed, type: String, name: String, module: [ModuleStep] = []) {
    self.mode = mode
    self.type = type
    self.name = name
    self.module = module
  }

  public var description: String {
    let local = mode == .data ? "data.\(type).\(name)" : "\(type).\(name)"
    if module.isEmpty { return local }
    return type.isEmpty ? ModuleStep.path(module) : ModuleStep.path(module) + "." + local
  }

  /// The same resource in the root module: how its block is named inside its module.
  public var local: ResourceAddress {
    module.isEmpty ? self : ResourceAddress(mode: mode, type: type, name: name)
  }

  /// The same resource inside the module instance `steps` (prefixed to any module it has).
  public func inModule(_ steps: [ModuleStep]) -> ResourceAddress {
    var copy = self
    copy.module = steps + module
    return copy
  }

  /// The resource as its configuration names it, module instance keys dropped
  /// (`module.team.project_token.deploy`): how Terraform records what an object depends on,
  /// so dependencies and what they are compared with are in this form.
  public var configAddress: ResourceAddress {
    guard module.contains(where: { $0.key != nil }) else { return self }
    var copy = self
    copy.module = module.map { ModuleStep(name: $0.name) }
    return copy
  }

  /// A dependency as recorded in the state (module keys dropped), read from the module
  /// instance `dependent` of the object that has it: the module calls the two share are the
  /// dependent's own instances, since a module instance refers only to its own resources, its
  /// child modules' and (through its call) its caller's. `module.team.project_token.deploy`
  /// read from `module.team["a"]` is `module.team["a"].project_token.deploy`; read from the
  /// root module it stays as it is, every instance's.
  public func resolved(from dependent: [ModuleStep]) -> ResourceAddress {
    guard !module.isEmpty, !dependent.isEmpty else { return self }
    var copy = self
    for index in 0..<min(module.count, dependent.count) {
      guard module[index].name == dependent[index].name, module[index].key == nil else { break }
      copy.module[index].key = dependent[index].key
    }
    return copy
  }

  /// A `-target` naming a module instance rather than a resource (`module.team["a"]`).
  public var isModuleOnly: Bool { type.isEmpty && !module.isEmpty }

  /// The address of one instance of this resource.
  public func instance(_ key: InstanceKey? = nil) -> InstanceAddress {
    InstanceAddress(resource: self, key: key)
  }

  public static func == (lhs: ResourceAddress, rhs: ResourceAddress) -> Bool {
    lhs.name == rhs.name && lhs.type == rhs.type && lhs.mode == rhs.mode
      && (lhs.module.isEmpty ? rhs.module.isEmpty : lhs.module == rhs.module)
  }

  /// The root module's addresses hash as they did before modules: the empty path adds nothing.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(mode)
    hasher.combine(type)
    hasher.combine(name)
    if !module.isEmpty { hasher.combine(module) }
  }

  public static func < (lhs: ResourceAddress, rhs: ResourceAddress) -> Bool {
    // Most configurations have no modules: two empty paths are decided without comparing them.
    if !(lhs.module.isEmpty && rhs.module.isEmpty), lhs.module != rhs.module {
      return ModuleStep.precedes(lhs.module, rhs.module)
    }
    if lhs.mode != rhs.mode { return lhs.mode.rawValue < rhs.mode.rawValue }
    if lhs.type != rhs.type { return lhs.type < rhs.type }
    return lhs.name < rhs.name
  }

  /// Parses `TYPE.NAME` or `data.TYPE.NAME`; an instance key is an error here.
  public static func parse(_ text: String) throws(AddressError) -> ResourceAddress {
    let parsed = try InstanceAddress.parse(text)
    guard parsed.key == nil else {
      throw AddressError(
        address: text,
        reason: "a resource address must not select an instance; remove the [...] part")
    }
    return parsed.resource
  }
}
