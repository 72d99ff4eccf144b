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
// `StateBridge` asks the resource catalog for a type's schema; everything else here needs only
// Eval/'s `Value` and Shared/'s `JSON`.

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

/// One managed object in state.
public struct StateObject: Sendable {
  public var value: Value
  public var dependencies: [ResourceAddress]
  public var createBeforeDestroy: Bool
  /// A create was sent but its answer never recorded (the apply was interrupted): the object
  /// holds only what was asked for, and refresh must look for what GitLab made.
  public var pending: Bool

  public init(
    value: Value, dependencies: [ResourceAddress] = [], createBeforeDestroy: Bool = false,
    pending: Bool = false
  ) {
    self.value = value
    self.dependencies = dependencies
    self.createBeforeDestroy = createBeforeDestroy
    self.pending = pending
  }
}

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
