/// The attribute of a type that holds a secret GitLab sends only once, and what to call it.
///
/// The engine needs the name (to keep the value from the create answer, to notice it was lost,
/// to know which references read it) and the noun for its messages ("GitLab shows a token's
/// value only when the token is created or rotated").
public struct SecretAttribute: Sendable, Equatable {
  /// The attribute: `token`.
  public var name: String
  /// What the object is called in messages about its lost value: `token`.
  public var noun: String

  public init(name: String, noun: String) {
    self.name = name
    self.noun = noun
  }
}
