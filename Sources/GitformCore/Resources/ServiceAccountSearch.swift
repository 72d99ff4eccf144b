import Foundation

/// After a lost answer: finding the service account GitLab made for a create that left the
/// username to GitLab (`service_account_<hex>`), which no name lookup can find.
///
/// The candidates are the instance's (or the group's) service accounts that no other object
/// of the state claims, with the asked-for name (GitLab's default when none was given) and
/// e-mail, a username of GitLab's generated form, and made no earlier than the request
/// (`created_at` of the pending record, less `TokenAttributes.clockTolerance`); the oldest of
/// them is the one this create made — a parallel create of the same kind claims the next.
/// Without the request time (a state written before it was recorded) nothing is adopted.
enum ServiceAccountSearch {
  static let defaultName = "Service account user"

  /// The account and GitLab's creation time, or nil when GitLab made none.
  static func generated(
    _ pending: Value, claimed: Set<String>, context: ResourceContext
  ) throws -> (GitLabServiceAccount, Date?)? {
    guard let text = pending.string("created_at"), let requested = GitLabJSON.parseTimestamp(text) else { return nil }
    let group = pending.string("group")
    let accounts: [GitLabServiceAccount]
    do {
      accounts = try group.map { try context.client.groupServiceAccounts(group: GitLabReference($0)) }
        ?? context.client.instanceServiceAccounts()
    } catch let error as GitLabError where error.code == .notFound {
      if let group { try ParentAccess.confirmGone(in: .group(group), context: context) }
      return nil
    }
    let name = pending.string("name") ?? defaultName
    let email = pending.string("email")?.lowercased()
    let candidates = accounts.filter { account in
      let id = group.map { "\($0):\(account.id)" } ?? String(account.id)
      return !claimed.contains(id) && account.name == name && account.username.hasPrefix("service_account_")
        && (email == nil || account.email?.lowercased() == email)
    }
    for account in candidates.sorted(by: { $0.id < $1.id }) {
      let made = try context.client.userAccount(id: account.id).createdAt
      guard let made, made >= requested.addingTimeInterval(-TokenAttributes.clockTolerance) else { continue }
      return (account, made)
    }
    return nil
  }
}
