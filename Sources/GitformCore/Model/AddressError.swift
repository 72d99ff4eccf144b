/// Why a text is not a valid address; the message says what is expected.
public struct AddressError: Error, Equatable, Sendable, CustomStringConvertible {
  public var address: String
  public var reason: String

  public init(address: String, reason: String) {
    self.address = address
    self.reason = reason
  }

  public var description: String {
    "Invalid address \(StringQuoting.quote(address, .go)): \(reason)."
  }
}
