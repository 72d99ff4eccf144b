import Foundation

/// Renames and moves, and the redirect routes they leave behind (GitLab's `RedirectRoute`):
/// a project whose full path changes keeps answering at the old one until something else
/// takes that path.
extension StoreData {
  /// Full paths of the projects in `namespaceIDs` and below, before a change, so that
  /// `recordMoves` can tell which of them moved.
  func projectPaths(under namespaceIDs: Set<Int>) -> [Int: String] {
    let namespaces = namespaceIDs.reduce(into: namespaceIDs) { $0.formUnion(groupSubtree($1)) }
    var paths: [Int: String] = [:]
    for project in projects.values where namespaces.contains(project.namespaceID) {
      paths[project.id] = projectFullPath(project)
    }
    return paths
  }

  /// After a rename or transfer: every project whose full path changed gets a redirect from
  /// its old path (`create_redirect_for_old_path`, descendants included), and its new path
  /// frees any redirect that pointed elsewhere.
  mutating func recordMoves(from before: [Int: String]) {
    for (id, oldPath) in before {
      guard let project = projects[id] else { continue }
      let newPath = projectFullPath(project)
      guard newPath.lowercased() != oldPath.lowercased() else { continue }
      clearRedirects(conflictingWith: newPath)
      projectRedirects[oldPath.lowercased()] = id
    }
  }

  /// `delete_conflicting_redirects`: a route created or renamed onto a path takes it (and
  /// everything under it) from any redirect.
  mutating func clearRedirects(conflictingWith fullPath: String) {
    let lower = fullPath.lowercased()
    let conflicting = projectRedirects.keys.filter { $0 == lower || $0.hasPrefix(lower + "/") }
    for key in conflicting { projectRedirects[key] = nil }
  }

  /// The project a former full path now redirects to (only ids with a `/`, as
  /// `find_project` follows redirects only for paths).
  func redirectedProject(_ identifier: String) -> ProjectRecord? {
    guard identifier.contains("/") else { return nil }
    return projectRedirects[identifier.lowercased()].flatMap { projects[$0] }
  }

  /// A user's personal namespace or a group, by id or full path (`find_namespace!`).
  func findNamespace(_ identifier: String) -> Int? {
    if let id = Int(identifier) {
      return groups[id] != nil || anyNamespaceOwner(id) != nil ? id : nil
    }
    if let group = findGroup(identifier) { return group.id }
    return user(named: identifier).map(\.namespaceID)
  }

  /// The user (bots included) whose personal namespace this is.
  func anyNamespaceOwner(_ namespaceID: Int) -> UserRecord? {
    namespaceOwner(namespaceID) ?? users.values.first { $0.namespaceID == namespaceID }
  }

  /// Group ids of `groupID` and all its descendants.
  func groupSubtree(_ groupID: Int) -> Set<Int> {
    var ids: Set<Int> = [groupID]
    var frontier = [groupID]
    while let next = frontier.popLast() {
      for group in groups.values where group.parentID == next && !ids.contains(group.id) {
        ids.insert(group.id)
        frontier.append(group.id)
      }
    }
    return ids
  }
}
