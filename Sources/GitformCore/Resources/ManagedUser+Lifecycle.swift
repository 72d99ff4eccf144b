/// What deleting a user means, said in the plan before anyone approves it.
extension ManagedUser {
  /// Deleting a user deletes what it owns (GitLab's `DELETE /users/:id`): its personal
  /// projects, its tokens, SSH keys and e-mails; with `hard_delete`, also its contributions and
  /// the groups it alone owns.
  public func changeWarnings(_ change: ResourceChange, context: ResourceContext) -> [Diagnostic] {
    guard change.action == .delete || change.action.isReplace, let before = change.before else { return [] }
    let name = before.string("username").map { "user \(Value.quoted($0))" } ?? "the user"
    let hard = before.bool("hard_delete") == true
    return [
      .warning(
        "\(change.address) deletes \(name) and everything it owns",
        detail: "Deleting a GitLab user also deletes its personal projects, its access tokens, SSH keys and "
          + "e-mail addresses"
          + (hard
            ? ", and with hard_delete = true its issues, merge requests and comments and the groups it alone owns. "
            : "; its contributions are moved to the Ghost user. ")
          + "Add lifecycle { prevent_destroy = true } to the user to make gitform refuse this.")
    ]
  }
}
