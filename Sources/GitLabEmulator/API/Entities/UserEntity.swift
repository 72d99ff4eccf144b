import Foundation

/// GitLab's user entities, from the smallest to the largest (§5): each tier adds fields to
/// the one before, as the Ruby entities inherit from each other.
struct UserEntity {
  enum Tier: Int, Comparable {
    /// `UserBasic`: lists for non-admins.
    case basic
    /// `User` / `UserProfile`: `GET /users/:id` for non-admins.
    case profile
    /// `UserPublic`: `GET /user` for non-admins (no `is_admin` key at all).
    case `public`

    static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  static func render(_ user: UserRecord, _ tier: Tier, webBase: String) -> JSONValue {
    var fields: [(String, JSONValue)] = [
      ("id", .int(user.id)), ("username", .string(user.username)), ("name", .string(user.name)),
      ("state", .string(user.state)), ("locked", .bool(false)), ("avatar_url", .null),
      ("web_url", .string("\(webBase)/\(user.username)")),
    ]
    guard tier >= .profile else { return .object(fields) }
    let created = JSONValue.string(Timestamp.format(user.createdAt))
    fields += [
      ("created_at", created), ("bio", .string("")), ("location", .string("")),
      ("public_email", .null), ("linkedin", .string("")), ("twitter", .string("")),
      ("discord", .string("")), ("website_url", .string("")), ("organization", .string("")),
      ("job_title", .string("")), ("pronouns", .null), ("bot", .bool(user.isBot)),
      ("work_information", .null), ("followers", .int(0)), ("following", .int(0)),
      ("local_time", .null),
    ]
    guard tier >= .public else { return .object(fields) }
    let projectsLimit = user.projectsLimit ?? (user.isBot ? 0 : 100000)
    fields += [
      ("last_sign_in_at", .null),
      ("confirmed_at", .optional(user.confirmationTime.map(Timestamp.format))),
      ("last_activity_on", .optional(user.lastActivityOn?.description)),
      ("email", .string(user.email)), ("theme_id", .int(3)), ("color_scheme_id", .int(1)),
      ("projects_limit", .int(projectsLimit)), ("current_sign_in_at", .null),
      ("identities", .array([])),
      ("can_create_group", .bool(user.canCreateGroup ?? !user.isBot)),
      ("can_create_project", .bool(projectsLimit > 0)),
      ("two_factor_enabled", .bool(false)), ("external", .bool(user.external ?? false)),
      ("private_profile", .bool(false)), ("commit_email", .string(user.email)),
    ]
    return .object(fields)
  }

  /// What administrators see: `UserWithAdmin` (lists, `GET /user`, the answers to `POST` and
  /// `PUT`), or with `details` `UserDetailsWithAdmin` (`GET /users/:id`). `created_by` is the
  /// creator as `UserBasic`, not an id.
  static func admin(_ user: UserRecord, details: Bool, _ data: StoreData, webBase: String)
    -> JSONValue
  {
    guard case .object(var fields) = render(user, .public, webBase: webBase) else { return .null }
    let creator = user.createdByID.flatMap { data.users[$0] }
    fields += [
      ("is_admin", .bool(user.isAdmin)), ("note", .optional(user.note)),
      ("namespace_id", .int(user.namespaceID)),
      ("created_by", creator.map { render($0, .basic, webBase: webBase) } ?? .null),
      ("email_reset_offered_at", .null),
    ]
    guard details else { return .object(fields) }
    fields += [
      ("highest_role", .int(highestRole(of: user, data))), ("current_sign_in_ip", .null),
      ("last_sign_in_ip", .null), ("sign_in_count", .int(0)),
    ]
    return .object(fields)
  }

  /// `user_highest_role`: the highest access level of the user's direct memberships (a
  /// personal project's creator is its Owner), 0 without any.
  static func highestRole(of user: UserRecord, _ data: StoreData) -> Int {
    let groupLevels = data.groups.values.compactMap { $0.members[user.id]?.accessLevel }
    let projectLevels = data.projects.values.map { project in
      project.namespaceID == user.namespaceID
        ? StoreData.owner : (project.members[user.id]?.accessLevel ?? 0)
    }
    return (groupLevels + projectLevels).max() ?? 0
  }
}
