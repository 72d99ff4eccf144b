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

  func run(_ arguments: [String], context: CommandContext) throws(CommandFailure) -> Int32 {
    let flags: EngineFlags
    switch EngineFlags.parse(arguments, accepts: [.state, .json, .color, .markdown]) {
    case .success(let parsed): flags = parsed
    case .failure(let problem):
      throw .usage("Invalid option", problem.message)
    }
    if flags.json && flags.markdown {
      throw .usage("Invalid option", "-json and -markdown each choose the output; give one of them.")
    }
    if let file = flags.positional.first {
      return try showPlan(file, flags: flags, context: context)
    }
    if flags.markdown {
      throw .usage("Invalid option", "-markdown shows a saved plan: give the plan file, as in gitform show -markdown PLAN.")
    }
    var noLock = flags
    noLock.lock = false
    let session = EngineSession(context: context, flags: noLock)
    return session.run { () throws(CommandFailure) -> Int32 in
      try session.loadState()
      context.out(
        flags.json
          ? JSONWriter.compact(StateJSONView.document(session.snapshot)) + "\n"
          : StateView.show(session.snapshot))
      return 0
    }
  }

  /// A saved plan: its text as `plan` printed it, its JSON plan (`-json`) or its merge-request
  /// summary (`-markdown`). Reading needs no state, so the file's MAC is not checked here;
  /// `apply FILE` checks it.
  private func showPlan(_ file: String, flags: EngineFlags, context: CommandContext) throws(CommandFailure) -> Int32 {
    let path = CommandLineInterface.resolve(file, against: context.workingDirectory)
    guard let data = FileManager.default.contents(atPath: path), let plan = SavedPlan.decode(Array(data)) else {
      throw .usage("Failed to load \"\(file)\" as a plan file", "The file does not exist or is not a plan saved with gitform plan -out.")
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
}
