import Foundation

/// Making a user: GitLab's `POST /users`, then the moderation routes for a state other than
/// the one GitLab gives a new user.
extension ManagedUser {
  /// `POST /users` with the configured profile and the creation-time switches.
  func make(_ planned: Value, context: ResourceContext) throws -> GitLabUserAccount {
    var settings = settings(from: planned)
    settings.resetPassword = planned.bool("reset_password")
    settings.forceRandomPassword = planned.bool("force_random_password")
    settings.skipConfirmation = planned.bool("skip_confirmation")
    do {
      return try context.client.createUser(settings)
    } catch var error as GitLabError where error.code == .conflict {
      // GitLab's 409 names the field; the client's advice for a 409 is about variables.
      error.message =
        "GitLab refused \(error.request ?? "POST /users") (HTTP 409\(error.gitLabMessage.map { ": " + $0 } ?? "")). "
        + "Another user has this username or e-mail address: to manage that user, import it "
        + "(gitform import ADDRESS <user-id>); else choose another."
      throw error
    }
  }

  /// Moves the new user to the configured state. A refusal then leaves a user that exists, so
  /// it is reported as an `IncompleteCreate` the state records; a step in doubt is rethrown, for
  /// the engine to find the user as after any lost answer.
  func moderate(_ created: GitLabUserAccount, _ planned: Value, context: ResourceContext) throws -> Value {
    let state = planned.string("state") ?? "active"
    do {
      try RequiredAccess.explaining(ManagedUser.need) {
        try UserStateChange.apply(from: created.state, to: state, userID: created.id, client: context.client)
      }
      let account = state == created.state ? created : try context.client.userAccount(id: created.id)
      return object(account, base: planned)
    } catch let error where !context.leavesCreateInDoubt(error) {
      throw IncompleteCreate(
        object: object(created, base: planned),
        description: "GitLab made the user \(Value.quoted(created.username)) (id \(created.id)), but could not make it "
          + "\(state): \((error as? GitLabError)?.message ?? "\(error)")")
    }
  }
}
