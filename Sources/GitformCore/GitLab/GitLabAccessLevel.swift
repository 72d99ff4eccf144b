/// The roles GitLab gives project and group access tokens' bot users (gitlab-api.md §0.7).
///
/// Names follow the Terraform provider's `access_level` values, so configurations written for it
/// read the same here.
public enum GitLabAccessLevel: Int, Sendable, CaseIterable, CustomStringConvertible {
  case noAccess = 0
  case minimal = 5
  case guest = 10
  case planner = 15
  case reporter = 20
  case developer = 30
  case maintainer = 40
  case owner = 50

  /// The level for a configuration name (`"maintainer"`), or nil for an unknown name.
  public init?(name: String) {
    guard let level = GitLabAccessLevel.allCases.first(where: { $0.name == name }) else {
      return nil
    }
    self = level
  }

  /// The configuration name: `no one`, `minimal`, `guest`, `planner`, `reporter`, `developer`,
  /// `maintainer`, `owner`.
  public var name: String {
    switch self {
    case .noAccess: return "no one"
    case .minimal: return "minimal"
    case .guest: return "guest"
    case .planner: return "planner"
    case .reporter: return "reporter"
    case .developer: return "developer"
    case .maintainer: return "maintainer"
    case .owner: return "owner"
    }
  }

  public var description: String { name }

  /// The levels GitLab accepts for a new project or group token: guest to owner.
  public var isAssignableToToken: Bool { rawValue >= GitLabAccessLevel.guest.rawValue }
}
