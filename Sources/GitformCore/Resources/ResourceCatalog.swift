/// Every resource and data source type gitform knows, by configuration name.
///
/// The one list Config consults for "unknown resource type" (with "Did you mean") and Plan for
/// the type of a state entry. Adding a type means one line here.
public enum ResourceCatalog {
  public static let managed: [any ResourceType] = [
    UserToken(), ImpersonationToken(), ResourceAccessToken.project, ResourceAccessToken.group, ProjectVariable(),
    ManagedUser(), UserSSHKey(), UserEmail(), GroupVariable(), InstanceVariable(),
    ServiceAccount(),
  ].sorted { $0.name < $1.name }

  public static let dataSources: [any DataSourceType] = [
    UserData(), CurrentUserData(), ProjectData(), GroupData(), UsersData(), UserSSHKeysData(),
  ].sorted { $0.name < $1.name }

  public static func managed(_ name: String) -> (any ResourceType)? {
    managed.first { $0.name == name }
  }

  public static func dataSource(_ name: String) -> (any DataSourceType)? {
    dataSources.first { $0.name == name }
  }
}
