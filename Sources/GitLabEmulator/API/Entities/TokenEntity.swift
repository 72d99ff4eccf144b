// API/Entities/ renders records as GitLab's API entities: exact field sets, GitLab's field
// order, nulls written out, dates as YYYY-MM-DD and instants with milliseconds. Not for:
// deciding who may see what (the routes choose the entity).
import Foundation

/// GitLab's token entities (§1.1): `PersonalAccessToken` and its variants.
///
/// All variants share the base fields; the flags add `last_used_ips`, `impersonation`, the
/// resource fields and — only for create and rotate responses — the secret `token`.
struct TokenEntity {
  enum Variant {
    /// `PersonalAccessToken` / `PersonalAccessTokenWithToken`.
    case personal
    /// `PersonalAccessTokenWithLastUsedIps` (list, get, self).
    case personalWithIPs
    /// `ImpersonationToken`.
    case impersonation
    /// `ResourceAccessToken`, with the bot's access level on the resource.
    case resource(ResourceReference, accessLevel: Int)
  }

  static func render(
    _ token: TokenRecord, _ variant: Variant, now: Date, withSecret: Bool = false
  ) -> JSONValue {
    var fields: [(String, JSONValue)] = [
      ("id", .int(token.id)),
      ("name", .string(token.name)),
      ("revoked", .bool(token.revoked)),
      ("created_at", .string(Timestamp.format(token.createdAt))),
      ("description", .optional(token.description)),
      ("scopes", .array(token.scopes.map(JSONValue.string))),
      ("user_id", .int(token.userID)),
      ("last_used_at", .optional(token.lastUsedAt.map(Timestamp.format))),
      ("active", .bool(token.isActive(at: now))),
      ("expires_at", .optional(token.expiresAt?.description)),
      ("expired", .bool(token.isExpired(at: now))),
      ("granular", .bool(false)),
    ]
    switch variant {
    case .personal: break
    case .personalWithIPs:
      fields.append(("last_used_ips", .array(token.lastUsedIPs.map(JSONValue.string))))
    case .impersonation:
      fields.append(("impersonation", .bool(true)))
    case .resource(let resource, let accessLevel):
      fields += [
        ("access_level", .int(accessLevel)), ("resource_type", .string(resource.kind.rawValue)),
        ("resource_id", .int(resource.id)),
      ]
    }
    if withSecret { fields.append(("token", .string(token.value))) }
    return .object(fields)
  }
}
