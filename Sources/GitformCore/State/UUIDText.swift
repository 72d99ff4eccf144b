import Foundation

/// Random UUIDs in the lowercase text form Terraform writes for lineages and lock IDs.
public enum UUIDText {
  public static func random() -> String { UUID().uuidString.lowercased() }

  /// True for `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in lowercase or uppercase hex.
  public static func isValid(_ text: String) -> Bool {
    let groups = text.split(separator: "-", omittingEmptySubsequences: false)
    guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return false }
    return groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
  }
}
