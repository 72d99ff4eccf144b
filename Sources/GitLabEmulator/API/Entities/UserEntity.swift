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
    /// `UserWithAdmin`: what admins see, with `is_admin`.
    case admin

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
    guard tier >= .admin else { return .object(fields) }
    fields += [
      ("is_admin", .bool(user.isAdmin)), ("note", .optional(user.note)),
      ("namespace_id", .int(user.namespaceID)), ("created_by", .optional(user.createdByID)),
    ]
    return .object(fields)
  }
}
