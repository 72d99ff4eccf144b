import Foundation

/// Memberships, inherited access and full paths: the rules that decide who may do what.
extension StoreData {
  static let guest = 10, reporter = 20, developer = 30, maintainer = 40, owner = 50
  /// `Gitlab::Access.options_with_owner`: the levels a resource token may have.
  static let tokenAccessLevels: Set<Int> = [10, 15, 20, 30, 40, 50]

  /// The group and its ancestors, nearest first. Bounded by the number of groups, so a
  /// corrupt parent cycle in a data file cannot loop forever.
  func groupChain(_ groupID: Int) -> [GroupRecord] {
    var chain: [GroupRecord] = []
    var next: Int? = groupID
    while let id = next, let group = groups[id], chain.count <= groups.count {
      chain.append(group)
      next = group.parentID
    }
    return chain
  }

  func groupFullPath(_ groupID: Int) -> String {
    groupChain(groupID).reversed().map(\.path).joined(separator: "/")
  }

  func groupFullName(_ groupID: Int) -> String {
    groupChain(groupID).reversed().map(\.name).joined(separator: " / ")
  }

  /// The user whose personal namespace has this id.
  func namespaceOwner(_ namespaceID: Int) -> UserRecord? {
    userIDsByNamespace[namespaceID].flatMap { users[$0] }
  }

  func namespaceFullPath(_ namespaceID: Int) -> String {
    if groups[namespaceID] != nil { return groupFullPath(namespaceID) }
    return namespaceOwner(namespaceID)?.username ?? ""
  }

  func projectFullPath(_ project: ProjectRecord) -> String {
    namespaceFullPath(project.namespaceID) + "/" + project.path
  }

  /// Highest access level over the group and its ancestors (membership is inherited).
  func accessLevel(of userID: Int, inGroup groupID: Int) -> Int {
    groupChain(groupID).compactMap { $0.members[userID]?.accessLevel }.max() ?? 0
  }

  /// Direct membership, inherited group membership, or Owner of the personal namespace.
  func accessLevel(of userID: Int, inProject project: ProjectRecord) -> Int {
    var level = project.members[userID]?.accessLevel ?? 0
    if groups[project.namespaceID] != nil {
      level = max(level, accessLevel(of: userID, inGroup: project.namespaceID))
    } else if users[userID]?.namespaceID == project.namespaceID {
      level = max(level, StoreData.owner)
    }
    return level
  }

  func accessLevel(of userID: Int, in resource: ResourceReference) -> Int {
    switch resource.kind {
    case .group: return accessLevel(of: userID, inGroup: resource.id)
    case .project: return projects[resource.id].map { accessLevel(of: userID, inProject: $0) } ?? 0
    case .instance: return users[userID]?.isAdmin == true ? 60 : 0
    }
  }

  /// Finds a project by numeric id or full path (exact, then case-insensitive), as
  /// `find_project` does; a bare name without a namespace is never found.
  func findProject(_ identifier: String) -> ProjectRecord? {
    if let id = Int(identifier) { return projects[id] }
    guard identifier.contains("/") else { return nil }
    let sorted = projects.values.sorted { $0.id < $1.id }
    return sorted.first { projectFullPath($0) == identifier }
      ?? sorted.first { projectFullPath($0).lowercased() == identifier.lowercased() }
  }

  func findGroup(_ identifier: String) -> GroupRecord? {
    if let id = Int(identifier) { return groups[id] }
    let sorted = groups.values.sorted { $0.id < $1.id }
    return sorted.first { groupFullPath($0.id) == identifier }
      ?? sorted.first { groupFullPath($0.id).lowercased() == identifier.lowercased() }
  }

  /// Whether a path is free in a namespace: projects and subgroups share the namespace.
  func isPathTaken(_ path: String, inNamespace namespaceID: Int?) -> Bool {
    let lower = path.lowercased()
    if groups.values.contains(where: { $0.parentID == namespaceID && $0.path.lowercased() == lower })
    {
      return true
    }
    if namespaceID == nil {
      // Top-level group paths also clash with usernames (personal namespaces).
      return user(named: lower) != nil
    }
    return projects.values.contains { $0.namespaceID == namespaceID && $0.path.lowercased() == lower }
  }
}

extension StoreData {
  /// `User#unique_email` / `by_any_email`: another user's primary address (confirmed or
  /// not) or another user's confirmed secondary address.
  func isEmailTaken(_ address: String, byOtherThan userID: Int?) -> Bool {
    let lower = address.lowercased()
    if users.values.contains(where: { $0.id != userID && $0.email.lowercased() == lower }) {
      return true
    }
    return emails.values.contains {
      $0.userID != userID && $0.email == lower && $0.confirmedAt != nil
    }
  }
}
