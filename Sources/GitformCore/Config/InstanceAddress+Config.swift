/// Config names State's address types the way the engine talks about them.
///
/// `ResourceAddress`, `InstanceAddress` and `InstanceKey` live in State/ (they are the state
/// file's keys); the engine uses them unchanged.
public typealias ResourceInstanceAddress = InstanceAddress
public typealias ResourceMode = ResourceAddress.Mode

extension InstanceAddress {
  public init(_ resource: ResourceAddress, key: InstanceKey? = nil) {
    self.init(resource: resource, key: key)
  }
}
