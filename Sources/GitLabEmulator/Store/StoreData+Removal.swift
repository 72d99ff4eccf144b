import Foundation

/// Deleting users, projects and groups with what belongs to them, as GitLab's destroy
/// services and `dependent: :destroy` associations do (synchronously here: GitLab's user
/// deletion runs in a worker, which clients poll for).
extension StoreData {
  /// Deletes a user and everything that goes with it (`dependent: :destroy` and the DB
  /// cascade): tokens, SSH keys, e-mails, memberships, personal projects, jobs. Token rows
  /// vanish, so their secrets stop authenticating (401).
  mutating func removeUser(_ userID: Int) {
    guard let user = users[userID] else { return }
    removeTokens(ofUser: userID)
    for key in sshKeys.values where key.userID == userID { sshKeys[key.id] = nil }
    for email in emails.values where email.userID == userID { emails[email.id] = nil }
    for job in jobs.values where job.userID == userID { jobs[job.id] = nil }
    for project in projects.values {
      if project.namespaceID == user.namespaceID && user.botResource == nil {
        removeProject(project.id)
      } else if project.members[userID] != nil {
        projects[project.id]?.members[userID] = nil
      }
    }
    for group in groups.values where group.members[userID] != nil {
      groups[group.id]?.members[userID] = nil
    }
    unindexAndRemove(user)
  }

  /// Deletes a project with its bots (and their tokens), variables, states, merge requests,
  /// notes, jobs and redirects.
  mutating func removeProject(_ projectID: Int) {
    let resource = ResourceReference(kind: .project, id: projectID)
    for bot in botIDsByResource[resource] ?? [] { removeUser(bot) }
    for variable in variables(of: resource) { removeVariable(variable.id) }
    for key in terraformStates.keys where key.hasPrefix("\(projectID)/") { terraformStates[key] = nil }
    for request in mergeRequests.values where request.projectID == projectID {
      for note in notes.values where note.mergeRequestID == request.id { notes[note.id] = nil }
      mergeRequests[request.id] = nil
    }
    for job in jobs.values where job.projectID == projectID { jobs[job.id] = nil }
    for (path, id) in projectRedirects where id == projectID { projectRedirects[path] = nil }
    projects[projectID] = nil
  }

  /// Deletes a group, its subgroups and their projects, bots and variables.
  mutating func removeGroup(_ groupID: Int) {
    for child in groups.values where child.parentID == groupID { removeGroup(child.id) }
    for project in projects.values where project.namespaceID == groupID { removeProject(project.id) }
    let resource = ResourceReference(kind: .group, id: groupID)
    for bot in botIDsByResource[resource] ?? [] { removeUser(bot) }
    for variable in variables(of: resource) { removeVariable(variable.id) }
    groups[groupID] = nil
  }
}
