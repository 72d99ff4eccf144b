/// Terraform's `root_module` of a JSON state or plan: the root module's resources, and each
/// module instance's in `child_modules` (`{"resources", "address", "child_modules"}`, sorted
/// by address), nested as the module instances are.
enum JSONModuleTree {
  /// `entries` are resource objects with the module instance each is in, in output order.
  static func rootModule(_ entries: [(module: [ModuleStep], resource: JSON)]) -> JSON {
    // Without modules the shape is what it always was.
    guard entries.contains(where: { !$0.module.isEmpty }) else {
      return .object([("resources", .array(entries.map(\.resource)))])
    }
    var byPath: [String: [JSON]] = [:]
    var paths: [[ModuleStep]] = []
    var known: Set<String> = []
    for entry in entries {
      byPath[ModuleStep.path(entry.module), default: []].append(entry.resource)
      // Every module instance on the way holds the next one, even without resources of its own.
      for length in stride(from: entry.module.count, through: 1, by: -1) {
        let prefix = Array(entry.module.prefix(length))
        if known.insert(ModuleStep.path(prefix)).inserted { paths.append(prefix) }
      }
    }
    return module([], paths: paths, byPath: byPath)
  }

  private static func module(_ path: [ModuleStep], paths: [[ModuleStep]], byPath: [String: [JSON]]) -> JSON {
    var members: [(key: String, value: JSON)] = []
    let address = ModuleStep.path(path)
    if let resources = byPath[address], !resources.isEmpty { members.append(("resources", .array(resources))) }
    if !path.isEmpty { members.append(("address", .string(address))) }
    let children = paths.filter { $0.count == path.count + 1 && Array($0.prefix(path.count)) == path }
      .sorted { ModuleStep.path($0) < ModuleStep.path($1) }
    if !children.isEmpty {
      members.append(("child_modules", .array(children.map { module($0, paths: paths, byPath: byPath) })))
    }
    return .object(members)
  }
}
