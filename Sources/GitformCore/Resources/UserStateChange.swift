/// Moving a user from one state to another through GitLab's moderation routes (users
/// reference §2.1), in the Terraform provider's order: a blocked user is unblocked before it
/// can be deactivated, a deactivated one activated rather than unblocked.
enum UserStateChange {
  /// The calls that take a user from `current` to `wanted`; empty when nothing is to do.
  static func steps(from current: String, to wanted: String) -> [UserModeration] {
    guard current != wanted else { return [] }
    switch wanted {
    case "active": return current == "deactivated" ? [.activate] : [.unblock]
    case "blocked": return [.block]
    case "deactivated": return current == "active" ? [.deactivate] : [.unblock, .deactivate]
    default: return []
    }
  }

  static func apply(from current: String, to wanted: String, userID: Int, client: GitLabClient) throws {
    for step in steps(from: current, to: wanted) {
      try client.moderateUser(id: userID, step)
    }
  }
}
