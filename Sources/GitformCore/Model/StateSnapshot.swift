// Model/: the engine's own data, below everything that decides or renders: addresses, the
// state model the engine works on, the change model, schemas, and values to and from JSON.
//
// For: `ResourceAddress`, `InstanceAddress` and `InstanceKey` (with their parsing and Terraform's
// spelling and order), `AttributePath`, `StateSnapshot`/`StateObject`/`DeposedKey` (the managed
// objects as `Value`s, what Plan/, Apply/, CLI/ and Backend/ see of state), `ResourceChange` with
// Terraform's actions (`ChangeAction`) and the reasons as data (`ActionReason`), `ResourceSchema`
// and `AttributeRanges` (what a type's objects look like and where a block wrote them), `ValueJSON`
// (values to and from the state's JSON attributes), and `ValueComparison`/`SensitiveMarks`, which
// every layer comparing or storing objects shares.
// Not for: the state file's layout, its conversion (`StateBridge`), writes, journal or locking
// (State/); a type's behaviour (Resources/); deciding changes (Plan/); words (CLI/Views). It uses
// only Eval/'s `Value` and Shared/'s pieces, and does no I/O.

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
