/// `gitform plan`: refreshes the state from GitLab and shows what apply would change.
struct PlanCommand: Command {
  static let name = "plan"
  static let synopsis = "Show changes required by the current configuration"
  static let help = """
    Usage: gitform [global options] plan [options]

      Generates a speculative execution plan, showing what actions gitform
      would take to apply the current configuration. This command will not
      actually perform the planned actions.

    Options:

      -destroy            Select the "destroy" planning mode, which creates a plan
                          to destroy all objects currently managed by this
                          configuration.
      -refresh=false      Skip checking for changes made outside of gitform.
      -refresh-only       Only record changes made outside of gitform in the
                          state; change nothing on GitLab.
      -replace=resource   Force replacement of a particular resource instance.
      -target=resource    Limit the planning operation to only the given resource
                          and its dependencies. Can be repeated.
      -var 'foo=bar'      Set a value for one of the input variables.
      -var-file=filename  Load variable values from the given file.
      -detailed-exitcode  Return 0 when there are no changes, 1 on error and 2
                          when there are changes.
      -json               Terraform's machine-readable UI: one JSON object per line.
      -markdown           Print the merge-request summary (Markdown) instead of the
                          plan text; progress goes to standard error.
      -report=path        Write GitLab's Terraform report artifact
                          ({"create": N, "update": N, "delete": N}) to the path.
      -mr-note            Post the summary on the pipeline's merge request
                          (CI_API_V4_URL, CI_PROJECT_ID, CI_MERGE_REQUEST_IID),
                          editing gitform's earlier note; needs GITLAB_TOKEN.
      -lock=false         Don't hold a state lock during the operation.
      -lock-timeout=0s    Duration to retry a state lock.
      -no-color           If specified, output won't contain any color.
      -out=path           Write the plan to the given path; "gitform apply path" then
                          performs exactly these actions or refuses. The first -out
                          adds a random plan key to the state (the file's digests
                          are keyed with it).
      -parallelism=n      Limit the number of concurrent operations. Defaults to 10.
      -state=path         The state file to use (default gitform.tfstate).

    """

  func run(_ arguments: [String], context: CommandContext) throws(CommandFailure) -> Int32 {
    let flags: EngineFlags
    switch EngineFlags.parse(
      arguments,
      accepts: [.variables, .state, .lock, .planning, .color, .detailed, .destroy, .json, .markdown, .review])
    {
    case .success(let parsed): flags = parsed
    case .failure(let problem):
      throw .usage("Invalid option", problem.message)
    }
    if let extra = flags.positional.first {
      throw .usage("Too many command line arguments", "Unexpected argument \(extra): plan takes no arguments; run gitform in the configuration's directory or use -chdir=DIR.")
    }
    if flags.json && flags.markdown {
      throw .usage("Invalid option", "-json and -markdown each choose the output; give one of them.")
    }
    // With -json every line on standard output is one UI message, so the session's own lines
    // (refresh progress) become `log` messages and its diagnostics `diagnostic` messages.
    let stream = flags.json ? JSONUIStream(write: context.standardOutput) : nil
    var sessionContext = context
    if let stream {
      stream.version()
      sessionContext.standardOutput = { text in
        for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
          stream.log(String(line))
        }
      }
    }
    if flags.markdown {
      // Standard output is the summary alone (for a file or a note); progress goes to stderr.
      sessionContext.standardOutput = context.standardError
    }
    let session = EngineSession(context: sessionContext, flags: flags)
    if let stream { session.diagnosticObserver = { stream.diagnostics($0, sources: $1) } }
    return session.run { () throws(CommandFailure) -> Int32 in
      try plan(session, context: context, stream: stream)
    }
  }

  /// The steps of a plan once the flags are read; every failure is thrown to `session.run`.
  /// `context` has the caller's streams; the session's standard output is the -json stream's
  /// log or, with -markdown, standard error.
  private func plan(_ session: EngineSession, context: CommandContext, stream: JSONUIStream?) throws(CommandFailure) -> Int32 {
    let flags = session.flags
    let sessionContext = session.context
    try session.loadConfiguration()
    let resources = try session.connect()
    try session.lockState(operation: LockInfo.plan)
    try session.loadState()
    if let location = session.remoteLocation {
      // Only for remote state, so the plan text of a local state stays as it always was.
      sessionContext.out(PlanRenderer.stateLocation(location))
    }
    let plan = try session.makePlan(resources, destroy: flags.destroy)
    ProcessLifetime.keepUntilExit(plan)
    let plannedAt = TokenAttributes.timestamp(resources.now)
    let text = PlanRenderer(color: false).render(plan)
    if let stream {
      stream.plannedChanges(plan)
      stream.changeSummary(plan, message: "Plan: " + PlanRenderer().summary(plan))
      session.report(plan.warnings)
    } else if !flags.markdown {
      context.out(session.color ? PlanRenderer(color: true).render(plan) : text)
      // As Terraform: warnings follow the plan they are about.
      session.report(plan.warnings)
    }
    // The reviewers' forms (report, markdown, saved plan, merge-request note) are made only
    // when one is asked for: the JSON plan of 10,000 changes is a tenth of a plan's time.
    var made: PlanReview?
    func review() -> PlanReview {
      if let made { return made }
      let review = PlanReview(
        plan: plan, text: text,
        document: JSONPlanView(plan: plan, configuration: session.configuration, timestamp: plannedAt).document)
      made = review
      return review
    }
    if let report = flags.report {
      let path = CommandLineInterface.resolve(report, against: context.workingDirectory)
      do {
        try DurableFile.replace(path, with: Array((JSONWriter.compact(review().report) + "\n").utf8))
      } catch {
        throw CommandFailure("Failed to write the plan report", "\(error.summary): \(error.detail)")
      }
    }
    if flags.markdown { context.out(review().markdown()) }
    if let out = flags.out {
      try saveSavedPlan(out, plan: plan, review: review(), plannedAt: plannedAt, session: session, stream: stream)
    } else if !plan.isEmpty && stream == nil && !flags.markdown {
      context.out(PlanRenderer.unsavedNote())
    }
    if flags.mrNote {
      let state = MergeRequestNotePoster.PlannedState(remote: session.remote, statePath: flags.statePath)
      switch MergeRequestNotePoster(environment: context.environment, state: state).post(review()) {
      case .posted(let note, let iid), .updated(let note, let iid):
        let line = PlanRenderer.mergeRequestNote(note, iid: iid)
        if let stream { stream.log(line) } else { (flags.markdown ? context.err : context.out)("\n" + line + "\n") }
      case .notPosted(let summary, let detail):
        session.report([.warning(summary, detail: detail)])
      }
    }
    return flags.detailedExitCode && !plan.isEmpty ? 2 : 0
  }
}
