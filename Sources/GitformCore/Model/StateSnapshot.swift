// Model/: the bottom layer of the engine: addresses, the state model the engine works on, and
// values to and from the state file's JSON.
//
// For: `ResourceAddress`, `InstanceAddress` and `InstanceKey` (with their parsing and Terraform's
// spelling and order), `AttributePath`, `StateSnapshot`/`StateObject`/`DeposedKey` (the managed
// objects as `Value`s, what Plan/, Apply/, CLI/ and Backend/ see of state), `StateBridge` and
// `ValueJSON` (that model to and from `State`'s JSON attributes, with sensitive marks put back
// from the schema), and `ValueComparison`/`SensitiveMarks`, which every layer comparing or
// storing objects shares.
// Not for: the state file's layout, its atomic writes, the journal or locking (State/), deciding
// changes (Plan/), talking to GitLab (GitLab/), printing (CLI/). Nothing here does I/O.
// `StateBridge` and `SensitiveMarks` read a type's schema from Resources/ (which attributes are
// sensitive); everything else here needs only Eval/'s `Value` and Shared/'s `JSON`.

/// The managed objects and outputs gitform knows, as values: what the state file holds.
///
/// Plan and Apply work on this; State/ reads and writes the file it comes from.
public struct StateSnapshot: Sendable {
  public var objects: [ResourceInstanceAddress: StateObject]
  public var outputs: [String: Value]
  /// Old objects of create-before-destroy replacements whose deletion has not happened yet,
  /// by address and deposed key (Terraform's "deposed objects").
  public var deposed: [DeposedKey: StateObject] = [:]

  public init(objects: [ResourceInstanceAddress: StateObject] = [:], outputs: [String: Value] = [:]) {
    self.objects = objects
    self.outputs = outputs
  }

  /// Addresses in state order (by address).
  public var addresses: [ResourceInstanceAddress] { objects.keys.sorted() }
}
