/// The filters of `GET /users` the `users` data source offers (users reference §4.1).
///
/// A false flag means "no filter" in GitLab (`active=false` is not "inactive"), so flags are
/// sent only when true.
public struct UserFilter: Sendable, Equatable {
  public var search: String?
  public var username: String?
  public var active = false
  public var blocked = false
  public var external = false
  public var withoutProjectBots = false
  /// `YYYY-MM-DD` or a timestamp, as GitLab's `DateTime` parameters take them.
  public var createdBefore: String?
  public var createdAfter: String?

  public init() {}

  var query: [(name: String, value: String)] {
    var query: [(name: String, value: String)] = [("order_by", "id"), ("sort", "asc")]
    if let search { query.append(("search", search)) }
    if let username { query.append(("username", username)) }
    if active { query.append(("active", "true")) }
    if blocked { query.append(("blocked", "true")) }
    if external { query.append(("external", "true")) }
    if withoutProjectBots { query.append(("without_project_bots", "true")) }
    if let createdBefore { query.append(("created_before", createdBefore)) }
    if let createdAfter { query.append(("created_after", createdAfter)) }
    return query
  }
}
