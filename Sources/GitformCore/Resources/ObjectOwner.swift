/// The project, group or user a new object is made in, named so the plan can check that it
/// exists before apply starts changing GitLab: `project = "team/nosuch"` fails the plan, not
/// the apply halfway through.
public struct ObjectOwner: Hashable, Sendable {
  public enum Kind: String, Sendable {
    case project, group, user
  }

  public var kind: Kind
  /// The id or path as configured.
  public var reference: String
  /// The attribute that names it, where a problem is reported.
  public var attribute: String

  public init(_ kind: Kind, _ reference: String, attribute: String) {
    self.kind = kind
    self.reference = reference
    self.attribute = attribute
  }

  /// `project "team/app"`, `user 12`.
  public var description: String {
    kind == .user ? "user \(reference)" : "\(kind.rawValue) \(Value.quoted(reference))"
  }
}

/// The GitLab object an instance owns when two instances could name the same one: a variable
/// is its project, key and environment scope; an existing token is its id. Two instances with
/// the same claim would overwrite (or revoke) each other's object, so the plan refuses them.
public struct ObjectClaim: Hashable, Sendable {
  /// The project or group the object belongs to, compared by meaning (id or path); nil when
  /// `name` alone identifies the object.
  public var owner: ObjectOwner?
  /// What identifies it within the owner, such as `DEPLOY_TOKEN` and its scope.
  public var name: String
  /// How a message names it: "the variable DEPLOY_TOKEN (environment scope \"*\")".
  public var description: String

  public init(owner: ObjectOwner?, name: String, description: String) {
    self.owner = owner
    self.name = name
    self.description = description
  }
}
