/// The state file format: `State` ↔ the exact bytes of a version 4 state file.
///
/// Writing follows Terraform's `json.MarshalIndent` layout: fixed keys in Terraform's struct
/// order, outputs sorted by name, attribute and output values in the order they hold (sorted
/// when built, see `ResourceInstance.attributes`), two-space indent, trailing newline, resources
/// and instances normalized. So the same state always gives the same bytes, and reading a file
/// gitform wrote and writing it again reproduces it byte for byte.
public enum StateFile {
  /// The default state file name in the working directory.
  public static let defaultName = "gitform.tfstate"

  /// The file's text for `state`.
  public static func encode(_ state: State) -> String {
    JSONWriter.indented(json(state))
  }

  /// The file's bytes for `state`.
  public static func encodeBytes(_ state: State) -> [UInt8] { Array(encode(state).utf8) }

  /// Reads a state file's bytes. `path` is only used in messages; `readerVersion` is gitform's
  /// own version, named when the file is too new.
  public static func decode<Bytes: Collection>(
    _ bytes: Bytes, path: String, readerVersion: String
  ) throws(StateError) -> State where Bytes.Element == UInt8 {
    let whitespace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
    guard bytes.contains(where: { !whitespace.contains($0) }) else { throw .empty(path) }
    let document: JSON
    do {
      document = try JSONParser.parse(bytes)
    } catch {
      throw .corrupt(path, error)
    }
    return try StateDecoder(path: path, readerVersion: readerVersion).state(document)
  }

  // MARK: - Encoding

  static func json(_ state: State) -> JSON {
    let normal = state.normalized()
    var members: [(key: String, value: JSON)] = [
      ("version", .integer(State.formatVersion)),
      ("terraform_version", .string(normal.terraformVersion)),
      ("serial", .integer(normal.serial)),
      ("lineage", .string(normal.lineage)),
      ("outputs", .sortedObject(normal.outputs.mapValues(json))),
      ("resources", .array(normal.resources.map(json))),
      ("check_results", .null),
    ]
    if let key = normal.planKey { members.append(("gitform_plan_key", .string(key))) }
    return .object(members)
  }

  static func json(_ output: OutputState) -> JSON {
    var members: [(key: String, value: JSON)] = [
      ("value", output.value), ("type", output.type),
    ]
    if output.sensitive { members.append(("sensitive", .bool(true))) }
    return .object(members)
  }

  static func json(_ resource: ResourceState) -> JSON {
    var members: [(key: String, value: JSON)] = []
    if !resource.address.module.isEmpty { members.append(("module", .string(ModuleStep.path(resource.address.module)))) }
    members += [
      ("mode", .string(resource.mode.rawValue)),
      ("type", .string(resource.type)),
      ("name", .string(resource.name)),
    ]
    if let each = resource.each { members.append(("each", .string(each.rawValue))) }
    members.append(("provider", .string(resource.provider)))
    members.append(("instances", .array(resource.instances.map(json))))
    return .object(members)
  }

  static func json(_ instance: ResourceInstance) -> JSON {
    var members: [(key: String, value: JSON)] = []
    switch instance.indexKey {
    case .int(let index)?: members.append(("index_key", .integer(index)))
    case .string(let key)?: members.append(("index_key", .string(key)))
    case nil: break
    }
    if let status = instance.status { members.append(("status", .string(status.rawValue))) }
    if let deposed = instance.deposed { members.append(("deposed", .string(deposed))) }
    members.append(("schema_version", .integer(instance.schemaVersion)))
    members.append(("attributes", instance.attributes))
    members.append(("sensitive_attributes", .array(instance.sensitiveAttributes.map(\.json))))
    if let privateData = instance.privateData { members.append(("private", .string(privateData))) }
    if !instance.dependencies.isEmpty {
      members.append(("dependencies", .array(instance.dependencies.map(JSON.string))))
    }
    if instance.createBeforeDestroy { members.append(("create_before_destroy", .bool(true))) }
    return .object(members)
  }
}
