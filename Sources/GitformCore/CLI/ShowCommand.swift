import Foundation

/// `gitform show [-json]`: the state in human form or as JSON, secrets masked either way.
struct ShowCommand: Command {
  static let name = "show"
  static let synopsis = "Show the current state"
  static let help = """
    Usage: gitform [global options] show [options] [PLAN]

      Shows the current state in human-readable form, or as JSON with -json.
      Given a plan saved with "gitform plan -out=PLAN", shows the plan as plan
      printed it.
      Sensitive values are never shown: the JSON lists them in
      "sensitive_values" and gives null as their value.

    Options:

      -json            Machine readable output in JSON format; for a plan, Terraform's
                       JSON plan with sensitive values redacted.
      -markdown        For a plan: the merge-request summary in Markdown.
      -no-color        If specified, output won't contain any color.
      -state=path      The state file to read (default gitform.tfstate).

    """

  func run(_ arguments: [String], context: CommandContext) -> Int32 {
    let flags: EngineFlags
    switch EngineFlags.parse(arguments, accepts: [.state, .json, .color, .markdown]) {
    case .success(let parsed): flags = parsed
    case .failure(let problem):
      context.err("\nError: Invalid option\n\n\(problem.message)\n")
      return 1
    }
    if flags.json && flags.markdown {
      context.err("\nError: Invalid option\n\n-json and -markdown each choose the output; give one of them.\n")
      return 1
    }
    if let file = flags.positional.first {
      return showPlan(file, flags: flags, context: context)
    }
    if flags.markdown {
      context.err("\nError: Invalid option\n\n-markdown shows a saved plan: give the plan file, as in gitform show -markdown PLAN.\n")
      return 1
    }
    var noLock = flags
    noLock.lock = false
    let session = EngineSession(context: context, flags: noLock)
    guard session.loadState() else { return 1 }
    let snapshot = session.snapshot
    if flags.json {
      context.out(JSONWriter.compact(ShowCommand.json(snapshot, state: session.state)) + "\n")
      return 0
    }
    if snapshot.objects.isEmpty && snapshot.outputs.isEmpty {
      context.out("The state file is empty. No resources are represented.\n")
      return 0
    }
    let blocks = snapshot.addresses.compactMap { address in
      snapshot.objects[address].map { StateCommand.describe(address, $0.value) }
    }
    context.out(blocks.joined(separator: "\n"))
    if !snapshot.outputs.isEmpty {
      // As terraform show: a sensitive output reads `(sensitive value)`, not `<sensitive>`.
      let lines = snapshot.outputs.keys.sorted().map { name -> String in
        let value = snapshot.outputs[name] ?? .null
        return "\(name) = " + (value.containsSensitive ? "(sensitive value)" : OutputCommand.literal(value)) + "\n"
      }
      context.out("\n\nOutputs:\n\n" + lines.joined())
    }
    return 0
  }

  /// A saved plan: its text as `plan` printed it, its JSON plan (`-json`) or its merge-request
  /// summary (`-markdown`). Reading needs no state, so the file's MAC is not checked here;
  /// `apply FILE` checks it.
  private func showPlan(_ file: String, flags: EngineFlags, context: CommandContext) -> Int32 {
    let path = CommandLineInterface.resolve(file, against: context.workingDirectory)
    guard let data = FileManager.default.contents(atPath: path), let plan = SavedPlan.decode(Array(data)) else {
      context.err("\nError: Failed to load \"\(file)\" as a plan file\n\nThe file does not exist or is not a plan saved with gitform plan -out.\n")
      return 1
    }
    if flags.json {
      context.out(JSONWriter.compact(plan.document) + "\n")
    } else if flags.markdown {
      context.out(PlanReview(text: plan.text, document: plan.document).markdown())
    } else {
      context.out(plan.text)
    }
    return 0
  }

  /// Terraform's `show -json` shape for a state (`values.root_module.resources`), with every
  /// sensitive value replaced by null and flagged in `sensitive_values`.
  static func json(_ snapshot: StateSnapshot, state: State) -> JSON {
    var resources: [JSON] = []
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
      resources.append(.object(members))
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
    values.append(("root_module", .object([("resources", .array(resources))])))
    return .object([
      ("format_version", .string("1.0")), ("terraform_version", .string(CommandLineInterface.version)),
      ("values", .object(values)),
    ])
  }
}
