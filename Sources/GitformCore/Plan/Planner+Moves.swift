/// Warnings for projects and groups the configuration names by a path GitLab moved away from.
///
/// gitform follows a renamed or transferred project or group (by the redirect GitLab gives a
/// project's old path, or through a group token's bot user) and replaces nothing; the state
/// takes the new path. The configuration still has the old one, which GitLab hands to the next
/// project or group created there — so every plan says what to change until it is changed.
extension Planner {
  func movedNamespaceWarnings(_ instances: [ResourceInstanceAddress: InstanceConfig]) -> [Diagnostic] {
    var users: [ObjectOwner: [ResourceInstanceAddress]] = [:]
    for (address, instance) in instances where instance.resource.mode == .managed {
      guard let type = catalog.managed(address.resource.type), let owner = type.owner(of: instance.config),
        owner.kind != .user,
        resourceContext.hasMoved(owner.reference, isGroup: owner.kind == .group)
      else { continue }
      users[owner, default: []].append(address)
    }
    return users.keys.sorted { $0.description < $1.description }.compactMap { owner in
      let isGroup = owner.kind == .group
      guard let now = resourceContext.movedPath(owner.reference, isGroup: isGroup) else { return nil }
      let addresses = (users[owner] ?? []).sorted().map { "\($0)" }.joined(separator: ", ")
      let noun = isGroup ? "Group" : "Project"
      let how =
        isGroup
        ? "GitLab keeps no trace of a group's old path; gitform found the group through its access tokens' bot users"
        : "GitLab answers the old path with a redirect to the project, which gitform followed"
      return .warning(
        "\(noun) \(Value.quoted(owner.reference)) was renamed or moved to \(Value.quoted(now))",
        detail: "\(how): the objects there are the same ones, nothing is replaced, and the state records the new path. "
          + "Change \(owner.attribute) = \(Value.quoted(owner.reference)) to \(Value.quoted(now)) in the configuration "
          + "(\(addresses)): GitLab gives the old path to the next \(noun.lowercased()) created there.")
    }
  }
}
