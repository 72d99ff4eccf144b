/// A secret string (an access token, a CI/CD variable value) that never shows itself by accident.
///
/// `description`, `debugDescription`, string interpolation, `String(describing:)`,
/// `String(reflecting:)`, `dump` and `Mirror` all print `(sensitive value)`; only `reveal()`
/// returns the text, so every place that uses the secret is a deliberate, searchable call.
/// It is `Decodable` (GitLab's JSON carries tokens) but deliberately not `Encodable`: writing a
/// secret out must also go through `reveal()`.
public struct SecretValue: Sendable, Hashable, Decodable {
  /// What every textual form of a secret shows, as in Terraform's plans.
  public static let redacted = "(sensitive value)"

  private let value: String

  public init(_ value: String) {
    self.value = value
  }

  public init(from decoder: Decoder) throws {
    value = try decoder.singleValueContainer().decode(String.self)
  }

  /// The secret text. Call only to send it to GitLab or to store it where the user asked for it.
  public func reveal() -> String {
    value
  }

  /// True when the secret is the empty string (a missing token), without revealing it.
  public var isEmpty: Bool {
    value.isEmpty
  }
}

extension SecretValue: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
  public var description: String { SecretValue.redacted }
  public var debugDescription: String { SecretValue.redacted }
  public var customMirror: Mirror {
    // No display style: `dump` then prints `debugDescription` instead of the stored field.
    Mirror(self, children: [])
  }
}
