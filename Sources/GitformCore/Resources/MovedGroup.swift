import Foundation

/// Finding a group whose path changed (renamed, or transferred to another parent).
///
/// GitLab keeps no redirect for a group's old path in its API: `GET /groups/team` answers 404
/// once `team` is `team2`, exactly as for a deleted group. Taking that 404 for a deletion would
/// forget live group tokens, so before it does, gitform asks the tokens' bot users: GitLab names
/// a group's bot `group_<group id>_bot_<hex>` (GitLab's group access token documentation), and
/// the group with that id, when it exists under another path, is the one that moved. The move
/// is recorded with the client, which from then on reaches the group by id.
enum MovedGroup {
  /// Bot users asked at most, each costing two requests.
  static let botUsersAsked = 3

  /// True when the group gitform knows as `path` was found under another path.
  static func locate(_ path: String, botUserIDs: [Int], context: ResourceContext) -> Bool {
    guard GitLabReference(path).isPath, context.client.moved.id(of: path, isGroup: true) == nil else { return false }
    for userID in Array(Set(botUserIDs)).sorted().prefix(botUsersAsked) {
      guard let user = try? context.client.user(id: userID), let id = groupID(botUsername: user.username),
        let group = try? context.client.group(.id(id)), group.fullPath.lowercased() != path.lowercased()
      else { continue }
      context.client.moved.record(isGroup: true, oldPath: path, id: id)
      return true
    }
    return false
  }

  /// `group_45_bot_4ffca233…` → 45.
  static func groupID(botUsername name: String) -> Int? {
    let parts = name.split(separator: "_")
    guard parts.count >= 4, parts[0] == "group", parts[2] == "bot" else { return nil }
    return Int(parts[1])
  }
}
