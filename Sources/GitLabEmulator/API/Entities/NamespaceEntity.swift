import Foundation

/// GitLab's project, group, namespace and member entities (the fields clients read).
struct NamespaceEntity {
  static func project(_ project: ProjectRecord, _ data: StoreData, webBase: String) -> JSONValue {
    let fullPath = data.projectFullPath(project)
    let namespaceName =
      data.groups[project.namespaceID].map { data.groupFullName($0.id) }
      ?? data.namespaceOwner(project.namespaceID)?.name ?? ""
    let created = JSONValue.string(Timestamp.format(project.createdAt))
    return .object([
      ("id", .int(project.id)), ("description", .optional(project.description)),
      ("name", .string(project.name)),
      ("name_with_namespace", .string("\(namespaceName) / \(project.name)")),
      ("path", .string(project.path)), ("path_with_namespace", .string(fullPath)),
      ("created_at", created), ("default_branch", .null), ("tag_list", .array([])),
      ("topics", .array([])),
      ("ssh_url_to_repo", .string("git@emulator.local:\(fullPath).git")),
      ("http_url_to_repo", .string("\(webBase)/\(fullPath).git")),
      ("web_url", .string("\(webBase)/\(fullPath)")), ("readme_url", .null),
      ("forks_count", .int(0)), ("avatar_url", .null), ("star_count", .int(0)),
      ("last_activity_at", created), ("visibility", .string("private")),
      ("namespace", namespace(project.namespaceID, data, webBase: webBase)),
      ("creator_id", .int(project.creatorID)), ("empty_repo", .bool(true)),
      ("archived", .bool(false)),
    ])
  }

  static func namespace(_ id: Int, _ data: StoreData, webBase: String) -> JSONValue {
    let path = data.namespaceFullPath(id)
    if let group = data.groups[id] {
      return .object([
        ("id", .int(id)), ("name", .string(group.name)), ("path", .string(group.path)),
        ("kind", .string("group")), ("full_path", .string(path)),
        ("parent_id", .optional(group.parentID)), ("avatar_url", .null),
        ("web_url", .string("\(webBase)/groups/\(path)")),
      ])
    }
    let owner = data.namespaceOwner(id)
    return .object([
      ("id", .int(id)), ("name", .string(owner?.name ?? "")), ("path", .string(path)),
      ("kind", .string("user")), ("full_path", .string(path)), ("parent_id", .null),
      ("avatar_url", .null), ("web_url", .string("\(webBase)/\(path)")),
    ])
  }

  static func group(_ group: GroupRecord, _ data: StoreData, webBase: String) -> JSONValue {
    let fullPath = data.groupFullPath(group.id)
    return .object([
      ("id", .int(group.id)), ("web_url", .string("\(webBase)/groups/\(fullPath)")),
      ("name", .string(group.name)), ("path", .string(group.path)),
      ("description", .string(group.description)), ("visibility", .string("private")),
      ("avatar_url", .null), ("full_name", .string(data.groupFullName(group.id))),
      ("full_path", .string(fullPath)),
      ("created_at", .string(Timestamp.format(group.createdAt))),
      ("parent_id", .optional(group.parentID)),
    ])
  }

  static func member(_ user: UserRecord, _ membership: MembershipRecord, webBase: String)
    -> JSONValue
  {
    guard case .object(var fields) = UserEntity.render(user, .basic, webBase: webBase) else {
      return .null
    }
    fields += [
      ("access_level", .int(membership.accessLevel)),
      ("created_at", .string(Timestamp.format(membership.createdAt))),
      ("created_by", .optional(membership.createdByID)),
      ("expires_at", .optional(membership.expiresAt?.description)),
      ("membership_state", .string("active")),
    ]
    return .object(fields)
  }

  /// `Entities::Ci::Variable` exposes only what the model has: instance variables lack
  /// `hidden` and `environment_scope`.
  static func variable(_ variable: VariableRecord) -> JSONValue {
    if variable.owner.kind == .instance {
      return .object([
        ("variable_type", .string(variable.variableType)), ("key", .string(variable.key)),
        ("value", .string(variable.value)), ("protected", .bool(variable.isProtected)),
        ("masked", .bool(variable.masked)), ("raw", .bool(variable.raw)),
        ("description", .optional(variable.description)),
      ])
    }
    return .object([
      ("variable_type", .string(variable.variableType)), ("key", .string(variable.key)),
      ("value", variable.hidden ? .null : .string(variable.value)),
      ("hidden", .bool(variable.hidden)), ("protected", .bool(variable.isProtected)),
      ("masked", .bool(variable.masked)), ("raw", .bool(variable.raw)),
      ("environment_scope", .string(variable.environmentScope)),
      ("description", .optional(variable.description)),
    ])
  }
}
