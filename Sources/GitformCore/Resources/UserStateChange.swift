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

  /// Takes the steps. A step whose answer was lost (the client never repeats a POST) is looked
  /// at: when the user now has the state the step makes, it happened and the next step follows;
  /// else its error stands.
  static func apply(from current: String, to wanted: String, userID: Int, client: GitLabClient) throws {
    for step in steps(from: current, to: wanted) {
      do {
        try client.moderateUser(id: userID, step)
      } catch where GitLabClient.leavesCreateInDoubt(error) {
        guard (try? client.userAccount(id: userID).state) == result(of: step) else { throw error }
      }
    }
  }

  /// The state a step leaves the user in.
  static func result(of step: UserModeration) -> String {
    switch step {
    case .block: return "blocked"
    case .deactivate: return "deactivated"
    case .unblock, .activate: return "active"
    }
  }
}
