import Foundation

/// `data "user_ssh_keys"`: every SSH key of a user, by `user_id` or `username` — GitLab shows
/// them to anyone. Each key carries its SHA256 fingerprint, computed from the key text.
public struct UserSSHKeysData: DataSourceType {
  public init() {}

  public let name = "user_ssh_keys"
  public let summary = "The SSH keys of a user."

  static let keyType = ValueType.object([
    "key_id": .number, "title": .string, "key": .string, "created_at": .string, "expires_at": .string,
    "usage_type": .string, "user_id": .number, "fingerprint_sha256": .string,
  ])

  public let schema = ResourceSchema(attributes: [
    AttributeSchema("user_id", .number, .optionalComputed, description: "The user's id."),
    AttributeSchema("username", .string, .optional, description: "The user's username."),
    AttributeSchema("keys", .list(keyType), .computed, description: "The keys, by ascending id."),
    AttributeSchema("id", .string, .computed, description: "The user's id or username, as configured."),
  ])

  public func validate(_ config: Value, ranges: AttributeRanges) -> [Diagnostic] {
    DataSourceChecks.exactlyOne(["user_id", "username"], in: config, ranges: ranges)
      + DataSourceChecks.notEmpty("username", in: config, ranges: ranges)
      + DataSourceChecks.positiveID("user_id", in: config, ranges: ranges)
  }

  public func read(_ config: Value, context: ResourceContext) throws -> Value {
    let userID: Int
    if let id = config.int("user_id") {
      userID = id
    } else {
      userID = try context.client.user(username: config.string("username") ?? "").id
    }
    let keys = try context.client.sshKeys(userID: userID).sorted { $0.id < $1.id }.map { key -> Value in
      let fingerprint = (try? SSHPublicKeyText.parse(key.key).get())?.fingerprintSHA256
      return .object([
        "key_id": .number(key.id), "title": .string(key.title), "key": .string(key.key),
        "created_at": .optionalString(key.createdAt.map(KeyExpiry.format)),
        "expires_at": .optionalString(key.expiresAt.map(KeyExpiry.format)), "usage_type": .string(key.usageType),
        "user_id": .number(userID), "fingerprint_sha256": .optionalString(fingerprint),
      ])
    }
    return config
      .setting("user_id", .number(userID))
      .setting("keys", .list(keys, elementType: UserSSHKeysData.keyType))
      .setting("id", .string(config.string("username") ?? String(userID)))
  }
}
