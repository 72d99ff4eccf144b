import Foundation

/// The instance's SSH key restrictions (`*_key_restriction` application settings): per
/// technology, 0 allows any size, -1 forbids the type, a positive number is the minimum size
/// in bits. GitLab's defaults forbid DSA and allow every size of the others.
struct KeyRestrictions: Sendable {
  static let settingNames: [(setting: String, technology: SSHPublicKey.Technology)] = [
    ("rsa_key_restriction", .rsa), ("dsa_key_restriction", .dsa),
    ("ecdsa_key_restriction", .ecdsa), ("ed25519_key_restriction", .ed25519),
    ("ecdsa_sk_key_restriction", .ecdsaSK), ("ed25519_sk_key_restriction", .ed25519SK),
  ]
  static let defaults: [String: Int] = [
    "rsa_key_restriction": 0, "dsa_key_restriction": -1, "ecdsa_key_restriction": 0,
    "ed25519_key_restriction": 0, "ecdsa_sk_key_restriction": 0, "ed25519_sk_key_restriction": 0,
  ]
  /// `Gitlab::SSHPublicKey`'s supported sizes: the values a positive restriction may take.
  static let supportedSizes: [String: Set<Int>] = [
    "rsa_key_restriction": [1024, 2048, 3072, 4096], "dsa_key_restriction": [1024, 2048, 3072],
    "ecdsa_key_restriction": [256, 384, 521], "ed25519_key_restriction": [256],
    "ecdsa_sk_key_restriction": [256], "ed25519_sk_key_restriction": [256],
  ]

  let values: [String: Int]

  init(_ stored: [String: Int]?) {
    values = KeyRestrictions.defaults.merging(stored ?? [:]) { $1 }
  }

  private func restriction(_ technology: SSHPublicKey.Technology) -> Int {
    KeyRestrictions.settingNames.first { $0.technology == technology }.flatMap { values[$0.setting] } ?? 0
  }

  /// `SshKeyValidator`'s message for a forbidden or unparseable type, listing the allowed ones.
  var forbiddenMessage: String {
    let allowed = KeyRestrictions.settingNames.filter { restriction($0.technology) >= 0 }
      .map(\.technology.rawValue)
    let list: String
    switch allowed.count {
    case 0: list = ""
    case 1: list = allowed[0]
    case 2: list = "\(allowed[0]) or \(allowed[1])"
    default: list = allowed.dropLast().joined(separator: ", ") + ", or " + (allowed.last ?? "")
    }
    return "type is forbidden. Must be \(list)"
  }

  func problem(with key: SSHPublicKey) -> String? {
    let minimum = restriction(key.technology)
    if minimum < 0 { return forbiddenMessage }
    if minimum > 0, key.bits < minimum { return "must be at least \(minimum) bits" }
    return nil
  }
}
