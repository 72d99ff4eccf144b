import Foundation

/// `/projects` and `/groups`: creation, lookup by id or full path, and lists.
enum NamespaceRoutes {
  static let routes: [Route] = [
    Route("GET", "/api/v4/projects", listProjects),
    Route("POST", "/api/v4/projects", createProject),
    Route("GET", "/api/v4/projects/:id", showProject),
    Route("GET", "/api/v4/groups", listGroups),
    Route("POST", "/api/v4/groups", createGroup),
    Route("GET", "/api/v4/groups/:id", showGroup),
  ]

  static func showProject(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let project = try ResourceLookup.project(request, data)
    return .json(NamespaceEntity.project(project, data, webBase: request.webBase))
  }

  static func showGroup(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let group = try ResourceLookup.group(request, data)
    return .json(NamespaceEntity.group(group, data, webBase: request.webBase))
  }

  static func listProjects(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    _ = try request.requireCaller()
    let visible = data.projects.values.filter { ResourceLookup.canRead($0, request, data) }
      .sorted { $0.id < $1.id }
    return try Pagination.reply(visible, request) {
      NamespaceEntity.project($0, data, webBase: request.webBase)
    }
  }

  static func listGroups(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let caller = try request.requireCaller()
    let visible = data.groups.values.filter {
      caller.user.isAdmin || data.accessLevel(of: caller.user.id, inGroup: $0.id) > 0
    }.sorted { $0.id < $1.id }
    return try Pagination.reply(visible, request) {
      NamespaceEntity.group($0, data, webBase: request.webBase)
    }
  }

  static func createProject(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let caller = try request.requireCaller()
    let params = request.params
    let name = try params.string("name")
    let path = try params.string("path")
    guard let projectName = name ?? path else {
      throw APIError.parameter("name, path are missing, at least one parameter must be provided")
    }
    let projectPath = path ?? slug(projectName)
    var namespaceID = caller.user.namespaceID
    if let requested = try params.string("namespace_id") {
      let group = Int(requested).flatMap { data.groups[$0] } ?? data.findGroup(requested)
      if let group,
        caller.user.isAdmin
          || data.accessLevel(of: caller.user.id, inGroup: group.id) >= StoreData.developer
      {
        namespaceID = group.id
      } else if Int(requested) == caller.user.namespaceID {
        namespaceID = caller.user.namespaceID
      } else {
        throw APIError.validation([("namespace", ["is not valid"])])
      }
    }
    // `Namespaces::UserNamespacePolicy`: `rule { bot_user_namespace }.prevent
    // :create_projects`, so `validate_create_permissions` refuses a bot's own namespace.
    if namespaceID == caller.user.namespaceID, caller.user.isBot {
      throw APIError.validation([("namespace", ["is not valid"])])
    }
    if projectName.isEmpty || projectPath.isEmpty {
      throw APIError.validation([("path", ["can't be blank"])])
    }
    if data.isPathTaken(projectPath, inNamespace: namespaceID) {
      throw APIError.validation([("path", ["has already been taken"])])
    }
    let project = ProjectRecord(
      id: data.takeProjectID(), name: projectName, path: projectPath,
      description: try params.string("description"), namespaceID: namespaceID,
      createdAt: request.now, creatorID: caller.user.id, members: [:])
    data.projects[project.id] = project
    data.clearRedirects(conflictingWith: data.projectFullPath(project))
    return .json(NamespaceEntity.project(project, data, webBase: request.webBase), status: 201)
  }

  static func createGroup(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let caller = try request.requireCaller()
    let params = request.params
    try params.require(["name", "path"])
    let name = try params.string("name") ?? ""
    let path = try params.string("path") ?? ""
    let parentID = try params.int("parent_id")
    if let parentID {
      guard data.groups[parentID] != nil else { throw APIError.notFound("Parent Group") }
      guard caller.user.isAdmin
        || data.accessLevel(of: caller.user.id, inGroup: parentID) >= StoreData.maintainer
      else { throw APIError.forbidden() }
    } else if caller.user.isBot {
      throw APIError.forbidden()
    }
    var errors: [(String, [String])] = []
    if name.isEmpty { errors.append(("name", ["can't be blank"])) }
    if path.isEmpty { errors.append(("path", ["can't be blank"])) }
    if !path.isEmpty, data.isPathTaken(path, inNamespace: parentID) {
      errors.append(("path", ["has already been taken"]))
    }
    if !errors.isEmpty { throw APIError.validation(errors) }
    let id = data.takeNamespaceID()
    let owner = MembershipRecord(
      accessLevel: StoreData.owner, createdAt: request.now, createdByID: caller.user.id,
      expiresAt: nil)
    let group = GroupRecord(
      id: id, name: name, path: path, parentID: parentID,
      description: try params.string("description") ?? "", createdAt: request.now,
      members: [caller.user.id: owner])
    data.groups[id] = group
    data.clearRedirects(conflictingWith: data.groupFullPath(id))
    return .json(NamespaceEntity.group(group, data, webBase: request.webBase), status: 201)
  }

  /// GitLab's `parameterize`-like path from a name: lower case, runs of other characters → "-".
  static func slug(_ name: String) -> String {
    var result = ""
    for character in name.lowercased() {
      if character.isASCII && (character.isLetter || character.isNumber || "_.".contains(character)) {
        result.append(character)
      } else if !result.hasSuffix("-") {
        result.append("-")
      }
    }
    return result.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
  }
}
