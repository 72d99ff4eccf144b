/// Every resource and data source type a run knows, by configuration name.
///
/// The one list Config consults for "unknown resource type" (with "Did you mean"), Plan and
/// Apply for the type of a state entry, and `gitform expiry` for what expires. A value, passed
/// down from the command (`standard`) or from a test (a fake in-memory type), so the engine can
/// run without GitLab. Adding a type means one line in `standard`.
public struct ResourceCatalog: Sendable {
  public let managedTypes: [any ResourceType]
  public let dataSourceTypes: [any DataSourceType]
  private let managedByName: [String: any ResourceType]
  private let dataSourcesByName: [String: any DataSourceType]

  public init(managed: [any ResourceType], dataSources: [any DataSourceType]) {
    managedTypes = managed.sorted { $0.name < $1.name }
    dataSourceTypes = dataSources.sorted { $0.name < $1.name }
    managedByName = Dictionary(managed.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    dataSourcesByName = Dictionary(dataSources.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The types gitform ships.
  public static let standard = ResourceCatalog(
    managed: [
      UserToken(), ImpersonationToken(), ResourceAccessToken.project, ResourceAccessToken.group, ProjectVariable(),
      ManagedUser(), UserSSHKey(), UserEmail(), GroupVariable(), InstanceVariable(), ServiceAccount(),
    ],
    dataSources: [UserData(), CurrentUserData(), ProjectData(), GroupData(), UsersData(), UserSSHKeysData()])

  public func managed(_ name: String) -> (any ResourceType)? { managedByName[name] }

  public func dataSource(_ name: String) -> (any DataSourceType)? { dataSourcesByName[name] }

  /// The schema of the managed type `name`, for reading and writing its objects in state.
  public func schema(of name: String) -> ResourceSchema? { managedByName[name]?.schema }

  /// This catalog with `types` added (or replacing those of the same name).
  public func adding(_ types: [any ResourceType]) -> ResourceCatalog {
    let names = Set(types.map(\.name))
    return ResourceCatalog(managed: managedTypes.filter { !names.contains($0.name) } + types, dataSources: dataSourceTypes)
  }
}
