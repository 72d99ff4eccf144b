/// Refuses two instances that would manage the same GitLab object: two variables with one
/// project, key and environment scope (`count = 3` with a constant `key` makes three), or one
/// token imported at two addresses. GitLab has one such object, so each apply would overwrite
/// (or revoke) what the other made; Terraform cannot see this either, so it is gitform's check.
enum ObjectClaimCheck {
  struct Entry {
    var address: InstanceAddress
    var type: any ResourceType
    var range: SourceRange
    /// What the planned object claims, found when the entry is made: entries are made where
    /// the planned values are (in parallel, for validate's large levels).
    var claim: ObjectClaim?

    init(address: InstanceAddress, type: any ResourceType, planned: Value, range: SourceRange) {
      self.address = address
      self.type = type
      self.range = range
      claim = type.claim(of: planned)
    }
  }

  /// One error per instance whose claim an earlier instance (in address order) already holds.
  /// `sameOwner` says whether two spellings name one project or group (id or path).
  static func diagnostics(
    _ entries: [Entry], sameOwner: (ObjectOwner, ObjectOwner) -> Bool
  ) -> [Diagnostic] {
    var byName: [String: [(Entry, ObjectClaim)]] = [:]
    // Positions sorted, not the entries: each is an existential and a value, costly to move.
    for position in entries.indices.sorted(by: { entries[$0].address < entries[$1].address }) {
      let entry = entries[position]
      guard let claim = entry.claim else { continue }
      byName[entry.type.name + "\u{0}" + claim.name, default: []].append((entry, claim))
    }
    var diagnostics: [Diagnostic] = []
    for group in byName.values where group.count > 1 {
      for index in 1..<group.count {
        let (entry, claim) = group[index]
        guard let earlier = group[..<index].first(where: { same($0.1, claim, sameOwner) }) else { continue }
        diagnostics.append(
          .error(
            "Two resources manage the same object",
            detail: "\(entry.address) and \(earlier.0.address) both manage \(claim.description). "
              + "GitLab has only one, so each apply would overwrite (or revoke) what the other made. "
              + "Make each instance name its own object (with count or for_each, build the key from "
              + "count.index or each.key), or manage it from one resource only.",
            subject: entry.range))
      }
    }
    return diagnostics.sorted { $0.detail < $1.detail }
  }

  /// The address among `objects` (of `type`) that already manages what `object` claims, for
  /// `gitform import`: adopting one object at a second address is refused up front.
  static func holder(
    of object: Value, type: any ResourceType, among objects: [(InstanceAddress, Value)],
    sameOwner: (ObjectOwner, ObjectOwner) -> Bool
  ) -> (InstanceAddress, ObjectClaim)? {
    guard let claim = type.claim(of: object) else { return nil }
    for (address, other) in objects.sorted(by: { $0.0 < $1.0 }) {
      if let held = type.claim(of: other), same(held, claim, sameOwner) { return (address, claim) }
    }
    return nil
  }

  private static func same(
    _ a: ObjectClaim, _ b: ObjectClaim, _ sameOwner: (ObjectOwner, ObjectOwner) -> Bool
  ) -> Bool {
    guard a.name == b.name else { return false }
    switch (a.owner, b.owner) {
    case (nil, nil): return true
    case (let x?, let y?): return x.kind == y.kind && (x.reference == y.reference || sameOwner(x, y))
    default: return false
    }
  }
}
