/// Where a deposed object lives: its instance's address and its 8-hex-digit key.
public struct DeposedKey: Sendable, Hashable, Comparable {
  public var address: ResourceInstanceAddress
  public var key: String

  public init(address: ResourceInstanceAddress, key: String) {
    self.address = address
    self.key = key
  }

  public static func < (a: DeposedKey, b: DeposedKey) -> Bool {
    a.address == b.address ? a.key < b.key : a.address < b.address
  }
}
