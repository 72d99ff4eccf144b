import Foundation

/// Issuing, rotating and revoking tokens, shared by personal, impersonation and resource tokens.
extension StoreData {
  /// `Gitlab::Auth.all_available_scopes`: accepted for personal and impersonation tokens.
  static let allScopes: Set<String> = [
    "api", "read_api", "read_user", "create_runner", "manage_runner", "k8s_proxy", "self_rotate",
    "read_repository", "write_repository", "read_registry", "write_registry",
    "read_virtual_registry", "write_virtual_registry", "read_observability",
    "write_observability", "ai_features", "sudo", "admin_mode", "read_service_ping",
  ]
  /// `resource_bot_scopes`: the non-admin scopes minus `read_user`.
  static let resourceScopes = allScopes.subtracting(["sudo", "admin_mode", "read_service_ping", "read_user"])
  /// `max_expiration_lifetime_in_days`.
  static let maximumLifetimeDays = 365
  /// `RotateService::EXPIRATION_PERIOD`.
  static let rotationLifetimeDays = 7

  /// Creates a token row with a fresh `glpat-` secret.
  mutating func issueToken(
    userID: Int, name: String, description: String?, scopes: [String], expiresAt: CalendarDay?,
    impersonation: Bool, previousID: Int?, now: Date
  ) -> TokenRecord {
    let token = TokenRecord(
      id: takeTokenID(), userID: userID, name: name, description: description, scopes: scopes,
      createdAt: now, expiresAt: expiresAt, revoked: false, impersonation: impersonation,
      lastUsedAt: nil, lastUsedIPs: [], previousID: previousID, value: StoreData.newSecret())
    insert(token)
    return token
  }

  /// Revokes `old` and issues its successor (same name, description, scopes and owner), as
  /// `PersonalAccessTokens::RotateService` does in one transaction. Bot memberships lose
  /// their expiry.
  mutating func rotate(_ old: TokenRecord, expiresAt: CalendarDay?, now: Date) -> TokenRecord {
    var revoked = old
    revoked.revoked = true
    insert(revoked)
    if let resource = users[old.userID]?.botResource {
      clearMembershipExpiry(of: old.userID, in: resource)
    }
    return issueToken(
      userID: old.userID, name: old.name, description: old.description, scopes: old.scopes,
      expiresAt: expiresAt, impersonation: old.impersonation, previousID: old.id, now: now)
  }

  /// `RevokeTokenFamilyService`: revokes every still-active descendant of `tokenID`.
  /// Walks each id at most once, so a corrupt cycle cannot loop.
  mutating func revokeFamily(of tokenID: Int, now: Date) {
    var pending = [tokenID]
    var seen: Set<Int> = [tokenID]
    let children = Dictionary(grouping: tokens.values.filter { $0.previousID != nil }) {
      $0.previousID ?? 0
    }
    while let current = pending.popLast() {
      for child in children[current] ?? [] where seen.insert(child.id).inserted {
        if child.isActive(at: now) {
          var revoked = child
          revoked.revoked = true
          insert(revoked)
        }
        pending.append(child.id)
      }
    }
  }

  /// Records a use of the token: `last_used_at` at most every 10 minutes, the 5 latest IPs.
  mutating func recordUse(of tokenID: Int, from address: String, now: Date) {
    guard var token = tokens[tokenID] else { return }
    var changed = false
    if token.lastUsedAt.map({ now.timeIntervalSince($0) >= 600 }) ?? true {
      token.lastUsedAt = now
      changed = true
    }
    if !address.isEmpty, token.lastUsedIPs.first != address {
      token.lastUsedIPs.removeAll { $0 == address }
      token.lastUsedIPs.insert(address, at: 0)
      token.lastUsedIPs = Array(token.lastUsedIPs.prefix(5))
      changed = true
    }
    if changed { insert(token) }
  }

  private mutating func clearMembershipExpiry(of userID: Int, in resource: ResourceReference) {
    switch resource.kind {
    case .project: projects[resource.id]?.members[userID]?.expiresAt = nil
    case .group: groups[resource.id]?.members[userID]?.expiresAt = nil
    case .instance: break
    }
  }

  /// `glpat-` followed by 20 characters of the URL-safe alphabet (the classic GitLab shape).
  static func newSecret() -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
    var generator = SystemRandomNumberGenerator()
    return "glpat-" + String((0..<20).map { _ in alphabet[Int(generator.next() % 64)] })
  }

  /// 32 lower-case hex characters for bot usernames.
  static func newHex() -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<4).map { _ in
      let hex = String(generator.next() & 0xFFFF_FFFF, radix: 16)
      return String(repeating: "0", count: 8 - hex.count) + hex
    }.joined()
  }
}
