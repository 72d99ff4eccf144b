/// Refresh failures as the diagnostics people read: one per object, except that the objects of
/// a project, group or user the token cannot see are reported once, together.
///
/// A token without access to a project that holds 200 tokens and variables would otherwise
/// print the same paragraph 200 times and bury the one thing to fix (the token's access).
enum RefreshFailures {
  /// Objects named in full in the one error of a hidden parent; more are counted.
  static let namedObjects = 5

  static func diagnostics(_ failures: [(address: ResourceInstanceAddress, error: Error)]) -> [Diagnostic] {
    var order: [Either] = []
    var hidden: [ParentAccess.Parent: (error: ParentNotVisibleError, addresses: [ResourceInstanceAddress])] = [:]
    for (address, error) in failures {
      guard let unseen = error as? ParentNotVisibleError else {
        order.append(.single(address, error))
        continue
      }
      if hidden[unseen.parent] == nil {
        hidden[unseen.parent] = (unseen, [])
        order.append(.parent(unseen.parent))
      }
      hidden[unseen.parent]?.addresses.append(address)
    }
    return order.map { entry in
      switch entry {
      case .single(let address, let error):
        return .error("Failed to refresh \(address)", detail: Refresher.describe(error))
      case .parent(let parent):
        let (error, addresses) = hidden[parent] ?? (ParentNotVisibleError(parent: parent, username: nil, status: nil), [])
        return diagnostic(error, addresses.sorted())
      }
    }
  }

  private enum Either {
    case single(ResourceInstanceAddress, Error)
    case parent(ParentAccess.Parent)
  }

  /// `Failed to refresh the 3 objects in project "team/app"`, with the addresses.
  private static func diagnostic(_ error: ParentNotVisibleError, _ addresses: [ResourceInstanceAddress]) -> Diagnostic {
    guard addresses.count > 1 else {
      return .error("Failed to refresh \(addresses.first.map { "\($0)" } ?? "objects")", detail: error.description)
    }
    let named = addresses.prefix(namedObjects).map { "\($0)" }
    let rest = addresses.count - named.count
    let list = named.joined(separator: ", ") + (rest > 0 ? ", and \(rest) more" : "")
    return .error(
      "Failed to refresh the \(addresses.count) objects in \(error.parentDescription)",
      detail: error.description + "\n\nThe \(addresses.count) objects of this state there: \(list).")
  }
}
