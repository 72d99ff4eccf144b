import Foundation

/// Which objects of the state still hold a secret GitLab made (a token's value), so that an
/// apply never revokes a token a CI variable still carries.
///
/// Built once per batch of deletions from the objects as they are then. A carrier must depend
/// on the doomed object's resource (a variable carrying a token refers to it). Lookups are by
/// exact value — the usual carrier holds the token as it is — and, for sensitive values that
/// are not themselves a token's value (`"Bearer ${token}"`), by substring; so a replacement of
/// thousands of tokens with their variables costs a dictionary lookup per token, not a scan of
/// every variable. An attribute the carrier's `lifecycle.ignore_changes` names never counts:
/// gitform was told not to keep it current.
struct CarrierIndex {
  private struct Holder {
    var address: InstanceAddress
    var dependencies: Set<ResourceAddress>
  }

  private var exact: [String: [Holder]] = [:]
  private var embedding: [(text: String, holder: Holder)] = []
  private let generatedNames: Set<String>

  init(objects: [InstanceAddress: StateObject], deposed: [DeposedKey: StateObject], configuration: Configuration) {
    var secrets = Set<String>()
    let generatedNames = CarrierIndex.generatedNames(configuration.catalog)
    self.generatedNames = generatedNames
    for object in Array(objects.values) + Array(deposed.values) {
      secrets.formUnion(CarrierIndex.generatedSecrets(of: object.value, generatedNames))
    }
    for address in objects.keys.sorted() {
      guard let object = objects[address], !object.dependencies.isEmpty else { continue }
      let lifecycle = configuration.resourceBlock(address.resource)?.lifecycle
      if lifecycle?.ignoreAllChanges == true { continue }
      let ignored = Set(lifecycle?.ignoreChanges ?? [])
      let holder = Holder(address: address, dependencies: Set(object.dependencies))
      for (name, value) in object.value.sortedAttributes ?? [] where !ignored.contains(name) {
        for text in CarrierIndex.strings(in: value) where text.count >= CarrierIndex.minimumLength {
          exact[text, default: []].append(holder)
          if value.containsSensitive && !secrets.contains(text) { embedding.append((text, holder)) }
        }
      }
    }
  }

  /// Secrets shorter than this are not looked for (a token value is far longer).
  static let minimumLength = 8

  /// The first object (by address) other than `doomed` that depends on `doomed`'s resource
  /// and holds one of the secrets GitLab made for `object`, or nil.
  func carrier(of doomed: InstanceAddress, _ object: Value) -> InstanceAddress? {
    let secrets = CarrierIndex.generatedSecrets(of: object, generatedNames)
    guard !secrets.isEmpty else { return nil }
    func counts(_ holder: Holder) -> Bool {
      holder.address != doomed
        && (holder.dependencies.contains(doomed.resource) || holder.dependencies.contains(doomed.resource.configAddress))
    }
    var found: [InstanceAddress] = []
    for secret in secrets {
      found += (exact[secret] ?? []).filter(counts).map(\.address)
    }
    found += embedding.filter { entry in
      counts(entry.holder) && secrets.contains { entry.text.contains($0) }
    }.map(\.holder.address)
    return found.min()
  }

  /// The sensitive attributes GitLab computes, of any type (a token's `token`); configured
  /// secrets (a variable's value) are the user's and may be shared by others.
  private static func generatedNames(_ catalog: ResourceCatalog) -> Set<String> {
    Set(catalog.managedTypes.flatMap { type in
      type.schema.attributes.filter { $0.sensitive && $0.presence == .computed }.map(\.name)
    })
  }

  /// The values of `object`'s `generatedNames` attributes.
  private static func generatedSecrets(of object: Value, _ generatedNames: Set<String>) -> Set<String> {
    Set(generatedNames.compactMap { object.attributes?[$0]?.stringValue }.filter { $0.count >= minimumLength })
  }

  /// Every string inside `value`, at any depth.
  static func strings(in value: Value) -> [String] {
    if let text = value.stringValue { return [text] }
    if let attributes = value.attributes { return attributes.values.flatMap(strings(in:)) }
    if let elements = value.elements { return elements.flatMap(strings(in:)) }
    return []
  }
}
