import Foundation

/// Renames and transfers (§6 of the CI reference): `PUT /projects/:id`,
/// `PUT /projects/:id/transfer`, `PUT /groups/:id` and `POST /groups/:id/transfer`. Ids never
/// change, so tokens and variables follow; a project's old full path becomes a redirect.
enum NamespaceEditing {
  static let routes: [Route] = [
    Route("PUT", "/api/v4/projects/:id/transfer", transferProject),
    Route("PUT", "/api/v4/projects/:id", updateProject),
    Route("POST", "/api/v4/groups/:id/transfer", transferGroup),
    Route("PUT", "/api/v4/groups/:id", updateGroup),
  ]

  /// The attributes the emulator models out of GitLab's much longer `at_least_one_of` list.
  static let projectAttributes = ["description", "name", "path"]
  static let groupAttributes = ["description", "name", "path"]

  static let projectPathMessage =
    "can contain only letters, digits, '_', '-' and '.'. Cannot start with '-', end in '.git' "
    + "or end in '.atom'"
  static let groupPathMessage =
    "can contain only letters, digits, '_', '-' and '.'. Cannot start with '-' or end in '.', "
    + "'.git' or '.atom'."

  static func isValidPath(_ path: String, group: Bool) -> Bool {
    guard !path.isEmpty, !path.hasPrefix("-"), !path.hasSuffix(".git"), !path.hasSuffix(".atom")
    else { return false }
    if group && path.hasSuffix(".") { return false }
    return path.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }
  }

  static func requireOneOf(_ attributes: [String], _ params: Parameters) throws {
    guard attributes.contains(where: params.has) else {
      throw APIError.parameter(
        attributes.joined(separator: ", ") + " are missing, at least one parameter must be provided")
    }
  }

  /// `authorize_admin_project` (Maintainer+; `rename_project` is in the Maintainer block).
  static func updateProject(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    _ = try request.requireCaller()
    let params = request.params
    try requireOneOf(projectAttributes, params)
    var project = try ResourceLookup.project(request, data)
    let reference = ResourceReference(kind: .project, id: project.id)
    guard ResourceLookup.level(request, reference, data) >= StoreData.maintainer else {
      throw APIError.forbidden()
    }
    if let name = try params.string("name") { project.name = name }
    if let path = try params.string("path") { project.path = path }
    if let description = try params.string("description") { project.description = description }
    var errors: [(String, [String])] = []
    if project.name.trimmingCharacters(in: .whitespaces).isEmpty {
      errors.append(("name", ["can't be blank"]))
    } else if data.projects.values.contains(where: {
      $0.id != project.id && $0.namespaceID == project.namespaceID
        && $0.name.lowercased() == project.name.lowercased()
    }) {
      errors.append(("name", ["has already been taken"]))
    }
    if project.path.isEmpty {
      errors.append(("path", ["can't be blank"]))
    } else if !isValidPath(project.path, group: false) {
      errors.append(("path", [projectPathMessage]))
    } else if project.path.lowercased() != data.projects[project.id]?.path.lowercased(),
      data.isPathTaken(project.path, inNamespace: project.namespaceID)
    {
      errors.append(("path", ["has already been taken"]))
    }
    if !errors.isEmpty { throw APIError.validation(errors) }
    let before = [project.id: data.projectFullPath(data.projects[project.id] ?? project)]
    data.projects[project.id] = project
    data.recordMoves(from: before)
    return .json(NamespaceEntity.project(project, data, webBase: request.webBase))
  }

  /// `authorize! :change_namespace` (Owner), then `Projects::TransferService`'s refusals as
  /// `Failed to transfer project {:new_namespace=>["…"]}`.
  static func transferProject(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let caller = try request.requireCaller()
    try request.params.require(["namespace"])
    var project = try ResourceLookup.project(request, data)
    let reference = ResourceReference(kind: .project, id: project.id)
    guard ResourceLookup.level(request, reference, data) >= StoreData.owner else {
      throw APIError.forbidden()
    }
    guard let target = data.findNamespace(try request.params.string("namespace") ?? "") else {
      throw APIError.notFound("Namespace")
    }
    func refuse(_ reason: String) -> APIError {
      APIError.message(400, "Failed to transfer project {:new_namespace=>[\"\(reason)\"]}")
    }
    if target == project.namespaceID { throw refuse("Project is already in this namespace.") }
    let mayTransferInto: Bool
    if data.groups[target] != nil {
      mayTransferInto =
        caller.user.isAdmin || data.accessLevel(of: caller.user.id, inGroup: target) >= StoreData.maintainer
    } else {
      let owner = data.anyNamespaceOwner(target)
      mayTransferInto =
        owner?.isBot != true && (caller.user.isAdmin || owner?.id == caller.user.id)
    }
    guard mayTransferInto else {
      throw refuse("You don't have permission to transfer projects into that namespace.")
    }
    let clash = data.projects.values.contains {
      $0.namespaceID == target
        && ($0.path.lowercased() == project.path.lowercased() || $0.name == project.name)
    } || (data.groups[target] != nil && data.groups.values.contains {
      $0.parentID == target && $0.path.lowercased() == project.path.lowercased()
    })
    if clash { throw refuse("Project with same name or path in target namespace already exists") }
    let before = [project.id: data.projectFullPath(project)]
    project.namespaceID = target
    data.projects[project.id] = project
    data.recordMoves(from: before)
    return .json(NamespaceEntity.project(project, data, webBase: request.webBase))
  }

  /// `admin_group` (Owner). A path change moves every project below it; the group's own old
  /// path is not followed by the API (`find_group` has no redirects).
  static func updateGroup(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    _ = try request.requireCaller()
    let params = request.params
    try requireOneOf(groupAttributes, params)
    var group = try ResourceLookup.group(request, data)
    let reference = ResourceReference(kind: .group, id: group.id)
    guard ResourceLookup.level(request, reference, data) >= StoreData.owner else {
      throw APIError.forbidden()
    }
    if let name = try params.string("name") { group.name = name }
    if let path = try params.string("path") { group.path = path }
    if let description = try params.string("description") { group.description = description }
    var errors: [(String, [String])] = []
    let siblings = data.groups.values.filter { $0.id != group.id && $0.parentID == group.parentID }
    if group.name.trimmingCharacters(in: .whitespaces).isEmpty {
      errors.append(("name", ["can't be blank"]))
    } else if siblings.contains(where: { $0.name.lowercased() == group.name.lowercased() }) {
      errors.append(("name", ["has already been taken"]))
    }
    if group.path.isEmpty {
      errors.append(("path", ["can't be blank"]))
    } else if !isValidPath(group.path, group: true) {
      errors.append(("path", [groupPathMessage]))
    } else if group.path.lowercased() != data.groups[group.id]?.path.lowercased(),
      data.isPathTaken(group.path, inNamespace: group.parentID)
    {
      errors.append(("path", ["has already been taken"]))
    }
    if !errors.isEmpty { throw APIError.validation(errors) }
    let before = data.projectPaths(under: [group.id])
    data.groups[group.id] = group
    data.clearRedirects(conflictingWith: data.groupFullPath(group.id))
    data.recordMoves(from: before)
    return .json(NamespaceEntity.group(group, data, webBase: request.webBase))
  }

  /// `Groups::TransferService`, checks in its order, each as `400 Transfer failed: <why>`;
  /// success is Grape's 201 for a POST.
  static func transferGroup(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let caller = try request.requireCaller()
    var group = try ResourceLookup.group(request, data)
    guard ResourceLookup.level(request, ResourceReference(kind: .group, id: group.id), data)
      >= StoreData.owner
    else { throw APIError.forbidden() }
    var parent: GroupRecord?
    if let requested = try request.params.string("group_id"), !requested.isEmpty {
      guard let found = data.findGroup(requested),
        caller.user.isAdmin || data.accessLevel(of: caller.user.id, inGroup: found.id) > 0
      else { throw APIError.notFound("Group") }
      parent = found
    }
    func refuse(_ reason: String) -> APIError {
      APIError.message(400, "Transfer failed: \(reason)")
    }
    if parent == nil && group.parentID == nil { throw refuse("Group is already a root group.") }
    if let parent, parent.id == group.parentID {
      throw refuse("Group is already associated to the parent group.")
    }
    let allowed: Bool
    if let parent {
      allowed = caller.user.isAdmin
        || data.accessLevel(of: caller.user.id, inGroup: parent.id) >= StoreData.maintainer
    } else {
      allowed = !caller.user.isBot
    }
    guard allowed else { throw refuse("You don't have enough permissions.") }
    if data.isPathTaken(group.path, inNamespace: parent?.id) {
      throw refuse("The parent group already has a subgroup or a project with the same path.")
    }
    if let parent, data.groupSubtree(group.id).contains(parent.id) {
      throw refuse("Cannot transfer group to one of its subgroup.")
    }
    let before = data.projectPaths(under: [group.id])
    group.parentID = parent?.id
    data.groups[group.id] = group
    data.clearRedirects(conflictingWith: data.groupFullPath(group.id))
    data.recordMoves(from: before)
    return .json(NamespaceEntity.group(group, data, webBase: request.webBase), status: 201)
  }
}
