import Foundation

/// The state as `gitform show` and `gitform state show` print it: each object as a resource
/// block (secrets as `(sensitive value)`), then the outputs; and Terraform's confirmations of
/// `state rm`, `state mv` and `state push`.
enum StateView {
  /// `gitform show`: every object in address order, then the outputs; Terraform's sentence for
  /// an empty state.
  static func show(_ snapshot: StateSnapshot) -> String {
    if snapshot.objects.isEmpty && snapshot.outputs.isEmpty {
      return "The state file is empty. No resources are represented.\n"
    }
    let blocks = snapshot.addresses.compactMap { address in
      snapshot.objects[address].map { describe(address, $0.value) }
    }
    var text = blocks.joined(separator: "\n")
    if !snapshot.outputs.isEmpty {
      // As terraform show: a sensitive output reads `(sensitive value)`, not `<sensitive>`.
      let lines = snapshot.outputs.keys.sorted().map { name -> String in
        let value = snapshot.outputs[name] ?? .null
        return "\(name) = " + (value.containsSensitive ? "(sensitive value)" : OutputView.literal(value)) + "\n"
      }
      text += "\n\nOutputs:\n\n" + lines.joined()
    }
    return text
  }

  /// `# ADDR:` and the object as a resource block, secrets as `(sensitive value)`.
  static func describe(_ address: InstanceAddress, _ value: Value) -> String {
    var text = "# \(address):\nresource \"\(address.resource.type)\" \"\(address.resource.name)\" {\n"
    let attributes = (value.sortedAttributes ?? []).filter { !$0.value.isNull }
    let width = attributes.map(\.key.count).max() ?? 0
    for (name, attribute) in attributes {
      let shown = attribute.containsSensitive ? "(sensitive value)" : OutputView.literal(attribute)
      text += "    " + name.padding(toLength: width, withPad: " ", startingAt: 0) + " = " + shown + "\n"
    }
    return text + "}\n"
  }

  /// `state rm`: each forgotten instance, then the count.
  static func removed(_ addresses: [InstanceAddress]) -> String {
    addresses.map { "Removed \($0)\n" }.joined() + "Successfully removed \(addresses.count) resource instance(s).\n"
  }

  /// `state mv`: Terraform counts a whole resource's move as one object too.
  static func moved(_ source: InstanceAddress, to destination: InstanceAddress) -> String {
    "Move \"\(source)\" to \"\(destination)\"\nSuccessfully moved 1 object(s).\n"
  }

  /// `state push`: where the state now lives and which version it is.
  static func pushed(_ state: State, to location: String) -> String {
    "State pushed to \(location) (serial \(state.serial), lineage \(state.lineage)).\n"
  }
}
