/// After an interrupted apply: finding the token GitLab made for a create whose answer was
/// lost, for the token types whose files live elsewhere (`UserToken` has its own).
///
/// The candidate is the newest active token of the owner with the asked-for name that no other
/// object in the state claims; `read` then completes it. Its value was never received, so the
/// object has no token value and the plan rotates it once more for one.
enum PendingTokenSearch {
  static func adopt(
    _ type: any ResourceType, _ pending: Value, records: [GitLabAccessToken], owner: String,
    claimed: Set<String>, context: ResourceContext
  ) throws -> Value? {
    guard let name = pending.string("name") else { return nil }
    // For an interrupted rotation `pending` is the old token: only it or its successors (same
    // owner or bot user, newer ids) can be what GitLab made.
    let oldID = pending.int("token_id")
    let user = pending.int("user_id")
    let candidates = records.filter { record in
      record.name == name && record.active && !claimed.contains("\(owner):\(record.id)")
        && (oldID.map { record.id >= $0 } ?? true) && (user.map { record.userID == $0 } ?? true)
        && TokenAttributes.mayBeMadeFor(pending, record)
    }
    guard let newest = candidates.max(by: { $0.id < $1.id }) else { return nil }
    let prior = pending.setting("token_id", .number(newest.id)).setting("id", .string("\(owner):\(newest.id)"))
      .setting("token", .null(.string))
    return try type.read(prior, context: context)?.setting("token", .null(.string))
  }
}

extension ImpersonationToken {
  public func findCreated(_ pending: Value, claimed: Set<String>, context: ResourceContext) throws -> Value? {
    guard let userID = pending.int("user_id") else { return nil }
    let records: [GitLabAccessToken]
    do {
      records = try context.client.impersonationTokens(userID: userID)
    } catch let error as GitLabError where error.code == .notFound {
      // The user is gone, so nothing was made — if the token could have seen the user.
      try ParentAccess.confirmGone(in: .user(userID), context: context)
      return nil
    }
    return try PendingTokenSearch.adopt(
      self, pending, records: records, owner: String(userID), claimed: claimed, context: context)
  }
}

extension ResourceAccessToken {
  public func findCreated(_ pending: Value, claimed: Set<String>, context: ResourceContext) throws -> Value? {
    guard let owner = pending.string(kind.owner) else { return nil }
    let records: [GitLabAccessToken]
    do {
      records = try context.client.resourceAccessTokens(of: kind.resource(owner))
    } catch let error as GitLabError where error.code == .notFound {
      // The owner is gone, so nothing was made — if the token could have seen the owner.
      try ParentAccess.confirmGone(in: kind.parent(owner), context: context)
      return nil
    }
    return try PendingTokenSearch.adopt(
      self, pending, records: records, owner: owner, claimed: claimed, context: context)
  }
}
