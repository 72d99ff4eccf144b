/// `gitform show -json`: the state in Terraform's JSON shape (`values.root_module.resources`
/// and `values.outputs`), for machines. Secrets never appear: every sensitive value is null
/// and flagged in `sensitive_values`.
enum StateJSONView {
  /// Terraform's `show -json` shape for a state (`values.root_module.resources`), with every
  /// sensitive value replaced by null and flagged in `sensitive_values`.
  static func document(_ snapshot: StateSnapshot) -> JSON {
    var resources: [(module: [ModuleStep], resource: JSON)] = []
    for address in snapshot.addresses {
      guard let object = snapshot.objects[address] else { continue }
      var values: [String: JSON] = [:]
      var sensitive: [String: JSON] = [:]
      for (name, value) in object.value.sortedAttributes ?? [] {
        if value.containsSensitive {
          values[name] = .null
          sensitive[name] = .bool(true)
        } else {
          values[name] = ValueJSON.json(value)
        }
      }
      var members: [(key: String, value: JSON)] = [
        ("address", .string(address.description)), ("mode", .string("managed")),
        ("type", .string(address.resource.type)), ("name", .string(address.resource.name)),
      ]
      switch address.key {
      case .int(let index)?: members.append(("index", .integer(index)))
      case .string(let key)?: members.append(("index", .string(key)))
      case nil: break
      }
      members += [
        ("provider_name", .string("gitform.dev/builtin/gitlab")), ("schema_version", .integer(0)),
        ("values", .sortedObject(values)), ("sensitive_values", .sortedObject(sensitive)),
      ]
      resources.append((address.resource.module, .object(members)))
    }
    var outputs: [String: JSON] = [:]
    for (name, value) in snapshot.outputs {
      outputs[name] = .object([
        ("sensitive", .bool(value.containsSensitive)),
        ("value", value.containsSensitive ? .null : ValueJSON.json(value)),
        ("type", ValueJSON.typeJSON(value.type)),
      ])
    }
    var values: [(key: String, value: JSON)] = []
    if !outputs.isEmpty { values.append(("outputs", .sortedObject(outputs))) }
    values.append(("root_module", JSONModuleTree.rootModule(resources)))
    return .object([
      ("format_version", .string("1.0")), ("terraform_version", .string(CommandLineInterface.version)),
      ("values", .object(values)),
    ])
  }
}
