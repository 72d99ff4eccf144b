/// Import ids of the form `<user-id>:<object-id>` (`user_ssh_key`, `user_email`): two whole
/// numbers from 1.
enum TwoPartID {
  static func parse(_ id: String, type: String, second: String) -> Result<(Int, Int), ImportIDError> {
    let parts = id.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let first = Int(parts[0]), let other = Int(parts[1]), first > 0, other > 0
    else {
      return .failure(
        ImportIDError(
          "Unexpected import id \(Value.quoted(id)) for \(type): expected <user-id>:<\(second)>, "
            + "two numbers such as \"12:345\"."))
    }
    return .success((first, other))
  }
}
