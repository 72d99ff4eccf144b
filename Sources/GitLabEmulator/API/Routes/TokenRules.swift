import Foundation

/// Rules shared by every token kind: the list filters of §2.2, the create-time validations of
/// §1.3 and the expiry defaults of create (today + 365) and rotate (today + 7).
enum TokenRules {
  static let sorts: Set<String> = [
    "created_asc", "created_desc", "expires_asc", "expires_desc", "last_used_asc",
    "last_used_desc", "name_asc", "name_desc",
  ]

  /// Applies `revoked`, `state`, the date filters, `search` and `sort` (unknown sorts are
  /// ignored); the result is in id order unless sorted.
  static func filter(_ tokens: [TokenRecord], _ params: Parameters, now: Date) throws
    -> [TokenRecord]
  {
    let revoked = try params.bool("revoked")
    let state = try params.choice("state", in: ["active", "inactive"])
    let createdBefore = try params.dateTime("created_before")
    let createdAfter = try params.dateTime("created_after")
    let usedBefore = try params.dateTime("last_used_before")
    let usedAfter = try params.dateTime("last_used_after")
    let expiresBefore = try params.day("expires_before")
    let expiresAfter = try params.day("expires_after")
    let search = try params.string("search")?.lowercased() ?? ""
    var result = tokens.filter { token in
      if let revoked, token.revoked != revoked { return false }
      if let state, token.isActive(at: now) != (state == "active") { return false }
      if let createdBefore, token.createdAt > createdBefore { return false }
      if let createdAfter, token.createdAt < createdAfter { return false }
      if let usedBefore, !(token.lastUsedAt.map { $0 <= usedBefore } ?? false) { return false }
      if let usedAfter, !(token.lastUsedAt.map { $0 >= usedAfter } ?? false) { return false }
      if let expiresBefore, !(token.expiresAt.map { $0 < expiresBefore } ?? false) { return false }
      if let expiresAfter, !(token.expiresAt.map { $0 >= expiresAfter } ?? false) { return false }
      if !search.isEmpty, !token.name.lowercased().contains(search) { return false }
      return true
    }.sorted { $0.id < $1.id }
    if let sort = try params.string("sort"), sorts.contains(sort) {
      result = sorted(result, by: sort)
    }
    return result
  }

  private static func sorted(_ tokens: [TokenRecord], by sort: String) -> [TokenRecord] {
    let descending = sort.hasSuffix("_desc")
    func order<T: Comparable>(_ a: T, _ b: T, _ tie: Bool) -> Bool {
      a == b ? tie : (descending ? a > b : a < b)
    }
    return tokens.sorted { a, b in
      let tie = a.id < b.id
      switch sort.split(separator: "_").first {
      case "created": return order(a.createdAt, b.createdAt, tie)
      case "expires":
        return order(a.expiresAt?.daysSinceEpoch ?? Int.max, b.expiresAt?.daysSinceEpoch ?? Int.max, tie)
      case "last": return order(a.lastUsedAt ?? .distantPast, b.lastUsedAt ?? .distantPast, tie)
      default: return order(a.name, b.name, tie)
      }
    }
  }

  /// The latest `expires_at` a new token may have.
  static func maximumExpiry(_ request: APIRequest) -> CalendarDay {
    request.today.adding(days: StoreData.maximumLifetimeDays)
  }

  /// The model validations of §1.3, as full messages in GitLab's order.
  static func validationMessages(
    name: String, scopes: [String], description: String?, expiresAt: CalendarDay?,
    _ request: APIRequest
  ) -> [(attribute: String, message: String)] {
    var errors: [(String, String)] = []
    if name.trimmingCharacters(in: .whitespaces).isEmpty { errors.append(("name", "can't be blank")) }
    if scopes.isEmpty { errors.append(("scopes", "can't be blank")) }
    if (description?.count ?? 0) > 255 {
      errors.append(("description", "is too long (maximum is 255 characters)"))
    }
    if expiresAt == nil { errors.append(("expires_at", "can't be blank")) }
    let maximum = maximumExpiry(request)
    if let expiresAt, expiresAt > maximum {
      errors.append(("expires_at", "must be before \(maximum)"))
    }
    return errors
  }

  /// "Expires at must be before …": attribute humanised, as `full_messages` does.
  static func fullMessage(_ error: (attribute: String, message: String)) -> String {
    let words = error.attribute.replacingOccurrences(of: "_", with: " ")
    return words.prefix(1).uppercased() + words.dropFirst() + " " + error.message
  }

  /// Ruby's `to_sentence`: "a", "a and b", "a, b, and c".
  static func sentence(_ parts: [String]) -> String {
    switch parts.count {
    case 0: return ""
    case 1: return parts[0]
    case 2: return "\(parts[0]) and \(parts[1])"
    default: return parts.dropLast().joined(separator: ", ") + ", and " + (parts.last ?? "")
    }
  }

  /// Scopes must all be in `allowed`, else Grape's 400.
  static func checkScopes(_ scopes: [String], allowed: Set<String>) throws {
    if scopes.isEmpty || !scopes.allSatisfy(allowed.contains) {
      throw APIError.parameter("scopes does not have a valid value")
    }
  }

  /// The rotate `expires_at`: the parameter or today + 7; beyond the maximum is a 400.
  static func rotationExpiry(_ request: APIRequest) throws -> CalendarDay {
    let expiresAt =
      try request.params.day("expires_at")
      ?? request.today.adding(days: StoreData.rotationLifetimeDays)
    let maximum = maximumExpiry(request)
    if expiresAt > maximum { throw APIError.badRequest("Expires at must be before \(maximum)") }
    return expiresAt
  }
}
