import Foundation

/// The tokens GitLab made after a given token for the same owner and name: its rotated
/// successors, as far as the API lets anyone tell.
///
/// GitLab links a rotation to its predecessor (`previous_personal_access_token_id`) but does
/// not return the link; a rotation keeps the name and the owner (for project and group
/// tokens the same bot user), so those plus a higher id find the family.
enum TokenFamily {
  static func newer(than prior: Value, type: String, context: ResourceContext) throws -> [GitLabAccessToken] {
    guard let tokenID = prior.int("token_id"), let name = prior.string("name") else { return [] }
    let records: [GitLabAccessToken]
    switch type {
    case "user_token":
      guard let user = prior.int("user_id") else { return [] }
      records = try context.client.personalAccessTokens(userID: user)
    case "impersonation_token":
      guard let user = prior.int("user_id") else { return [] }
      records = try context.client.impersonationTokens(userID: user)
    case "project_token", "group_token":
      let isGroup = type == "group_token"
      guard let owner = prior.string(isGroup ? "group" : "project") else { return [] }
      let reference = GitLabReference(owner)
      records = try context.client.resourceAccessTokens(of: isGroup ? .group(reference) : .project(reference))
    default:
      return []
    }
    let owner = prior.int("user_id")
    return records.filter { record in
      record.id > tokenID && record.name == name && (owner == nil || record.userID == owner)
    }.sorted { $0.id < $1.id }
  }
}
