import Foundation

/// `gitform apply`: plans, asks for `yes` (unless -auto-approve) and makes the changes.
struct ApplyCommand: Command {
  static let name = "apply"
  static let synopsis = "Create or update infrastructure"
  static let help = """
    Usage: gitform [global options] apply [options] [PLAN]

      Creates or updates GitLab tokens and variables according to the
      configuration in the current directory. It shows the plan first and asks
      for confirmation. Given a plan saved with "gitform plan -out=PLAN", it performs
      exactly those actions without asking, or refuses when the file was changed,
      or the state, the configuration, the variables or GitLab changed since.

    Options:

      -auto-approve       Skip interactive approval of the plan before applying.
      -destroy            Destroy every object in the state instead.
      -json               Terraform's machine-readable UI: one JSON object per line
                          (needs a plan file or -auto-approve).
      -refresh=false      Skip checking for changes made outside of gitform.
      -refresh-only       Only record changes made outside of gitform in the
                          state; change nothing on GitLab.
      -replace=resource   Force replacement of a particular resource instance.
      -target=resource    Limit the operation to the given resource and its
                          dependencies. Can be repeated.
      -var 'foo=bar'      Set a value for one of the input variables.
      -var-file=filename  Load variable values from the given file.
      -lock=false         Don't hold a state lock during the operation.
      -lock-timeout=0s    Duration to retry a state lock.
      -no-color           If specified, output won't contain any color.
      -parallelism=n      Limit the number of concurrent operations. Defaults to 10.
      -state=path         The state file to use (default gitform.tfstate).

    """

  func run(_ arguments: [String], context: CommandContext) throws(CommandFailure) -> Int32 {
    try ApplyCommand.execute(arguments, context: context, destroy: false)
  }

  static func execute(_ arguments: [String], context: CommandContext, destroy: Bool) throws(CommandFailure) -> Int32 {
    var flags: EngineFlags
    switch EngineFlags.parse(
      arguments, accepts: [.variables, .state, .lock, .planning, .color, .apply, .destroy, .json])
    {
    case .success(let parsed): flags = parsed
    case .failure(let problem):
      throw .usage("Invalid option", problem.message)
    }
    var saved: SavedPlan?
    var savedBytes: [UInt8] = []
    if flags.positional.count > 1 || (destroy && !flags.positional.isEmpty) {
      throw .usage("Too many command line arguments", "Expected at most one argument: the path of a plan saved with gitform plan -out=PATH.")
    }
    if let file = flags.positional.first {
      let path = CommandLineInterface.resolve(file, against: context.workingDirectory)
      guard let data = FileManager.default.contents(atPath: path), let plan = SavedPlan.decode(Array(data)) else {
        throw .usage("Failed to load \"\(file)\" as a plan file", "The file does not exist or is not a plan saved with gitform plan -out.")
      }
      saved = plan
      savedBytes = Array(data)
      flags.destroy = plan.destroy
      flags.refresh = plan.refresh
      flags.refreshOnly = plan.refreshOnly
      flags.targets = plan.targets.compactMap { try? InstanceAddress.parse($0, allowingModule: true) }
      flags.replace = plan.replace.compactMap { try? InstanceAddress.parse($0) }
    }
    let isDestroy = destroy || flags.destroy
    // A saved plan runs on its own clock: dates decided at plan time stay as the plan showed.
    var sessionContext = context
    if let plannedAt = saved?.plannedAt { sessionContext.environment["GITFORM_NOW"] = plannedAt }
    // -json: Terraform's UI messages only (see PlanCommand); a saved plan or -auto-approve is
    // needed, since there is nobody to answer a prompt in a machine-read stream.
    let stream = flags.json ? JSONUIStream(write: context.standardOutput) : nil
    if let stream {
      stream.version()
      sessionContext.standardOutput = { text in
        for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
          stream.log(String(line))
        }
      }
      if saved == nil && !flags.autoApprove {
        stream.diagnostics(
          [.error("Plan file or auto-approve required", detail: "gitform cannot ask for approval of a plan when using the -json option. To apply with -json, give a plan file saved with gitform plan -out, or add -auto-approve.")],
          sources: [])
        return 1
      }
    }
    let session = EngineSession(context: sessionContext, flags: flags)
    if let stream { session.diagnosticObserver = { stream.diagnostics($0, sources: $1) } }
    return session.run { () throws(CommandFailure) -> Int32 in
      defer { InterruptHandler.uninstall() }
      return try apply(session, saved: saved, savedBytes: savedBytes, destroy: isDestroy, stream: stream)
    }
  }

  /// The steps of an apply once the flags are read; every failure is thrown to `session.run`.
  private static func apply(
    _ session: EngineSession, saved: SavedPlan?, savedBytes: [UInt8], destroy isDestroy: Bool, stream: JSONUIStream?
  ) throws(CommandFailure) -> Int32 {
    let context = session.context
    let flags = session.flags
    try session.loadConfiguration(mode: .plan)
    let resources = try session.connect()
    try session.lockState(operation: LockInfo.apply)
    try session.loadState()
    // While the lock is held Ctrl-C stops gracefully, so the lock is released and the journal
    // closed (except at the approval prompt, which a first Ctrl-C ends as before).
    InterruptHandler.install(color: session.color)
    if let saved, let problem = stalePlanProblem(saved, bytes: savedBytes, session) {
      throw CommandFailure(problem.0, problem.1)
    }
    let plan = try session.makePlan(resources, destroy: isDestroy)
    if InterruptHandler.isCancelled {
      throw CommandFailure("execution halted", "gitform was interrupted while planning; nothing was changed.")
    }
    if let saved, let key = session.state.planKey,
      !HMACSHA256.equal(SavedPlan.changesDigest(of: plan, key: key), saved.changesDigest)
    {
      throw CommandFailure(
        "Saved plan no longer matches",
        "GitLab changed since the plan was saved, so applying it now would take other actions than the ones saved. Run gitform plan again.")
    }
    let renderer = PlanRenderer(color: session.color)
    if let stream {
      stream.plannedChanges(plan)
      stream.changeSummary(plan, message: "Plan: " + renderer.summary(plan))
    } else if saved == nil {
      context.out(renderer.render(plan))
    }
    session.report(plan.warnings)
    if plan.isEmpty {
      return try finishWithoutChanges(session, plan: plan, destroy: isDestroy, stream: stream)
    }
    if !flags.autoApprove && saved == nil {
      InterruptHandler.uninstall()
      guard try confirm(context, destroy: isDestroy, refreshOnly: plan.isRefreshOnly) else { return 1 }
      InterruptHandler.install(color: session.color)
    }
    // -refresh-only changes nothing on GitLab: the refreshed state is all there is to record.
    if plan.isRefreshOnly { return try finishWithoutChanges(session, plan: plan, destroy: false, stream: stream) }
    context.out("\n")
    // Local state: the journal beside the file. Remote state: the pusher, which keeps the
    // stored state current while the apply runs.
    var journal: StateJournal?
    var pusher: RemoteStatePusher?
    let record: @Sendable (JournalEntry) throws -> Void
    if let remote = session.remote {
      let remotePusher = RemoteStatePusher(backend: remote, state: session.state)
      do {
        try remotePusher.announce(RemoteStatePusher.intents(for: plan, now: resources.now))
      } catch {
        throw CommandFailure(error.summary, error.detail)
      }
      pusher = remotePusher
      record = { entry in try remotePusher.record(entry) }
    } else {
      do {
        let localJournal = try session.store.beginJournal(for: session.state)
        journal = localJournal
        record = { entry in try localJournal.append(entry) }
      } catch {
        throw CommandFailure(error.summary, error.detail)
      }
    }
    let progress = ApplyProgressView(write: context.standardOutput)
    var applier = Applier(
      plan: plan, configuration: session.configuration, graph: session.graph,
      variables: session.variables, evalContext: session.evalContext, resourceContext: resources,
      parallelism: flags.parallelism,
      record: record,
      observe: { event in
        if let stream { return stream.applyEvent(event) }
        progress.observe(event)
      })
    applier.isCancelled = { InterruptHandler.isCancelled }
    let result = applier.apply()
    let final = StateBridge.apply(result.state, to: session.state, schemas: session.configuration.catalog.schema(of:))
    if let pusher {
      do {
        _ = try pusher.finish(final)
      } catch {
        throw CommandFailure(error.summary, error.detail)
      }
    } else if let journal {
      var store = session.store
      do {
        _ = try store.finish(journal, state: final)
        session.setStore(store)
      } catch {
        throw CommandFailure(error.summary, error.detail)
      }
    }
    if result.diagnostics.hasErrors { throw CommandFailure(diagnostics: result.diagnostics) }
    session.report(result.diagnostics)
    if let stream {
      stream.applySummary(result, destroy: isDestroy, message: ApplyView.summary(result, destroy: isDestroy))
      stream.outputs(isDestroy ? [:] : result.state.outputs)
      return 0
    }
    context.out(ApplyView.complete(result, destroy: isDestroy, color: session.color))
    return 0
  }

  /// Why a saved plan cannot be applied to the current state, configuration and variables:
  /// Terraform's words for another lineage and an older serial, then the file's integrity
  /// under the state's plan key, then gitform's own checks of configuration and variables.
  static func stalePlanProblem(_ saved: SavedPlan, bytes: [UInt8], _ session: EngineSession) -> (String, String)? {
    if saved.lineage != session.state.lineage {
      return ("Saved plan does not match the given state", "The given plan file can not be applied because it was created from a different state lineage.")
    }
    if saved.serial != session.state.serial {
      return ("Saved plan is stale", "The given plan file can no longer be applied because the state was changed by another operation after the plan was created.")
    }
    guard let key = session.state.planKey, saved.isIntact(bytes, key: key) else {
      return ("Saved plan was modified", "The given plan file is not the one gitform plan wrote for this state: it was changed after it was saved, so gitform will not apply it. Run gitform plan -out again.")
    }
    if !HMACSHA256.equal(saved.configurationDigest, SavedPlan.digest(of: session.configuration, key: key)) {
      return ("Saved plan does not match the configuration", "The configuration files changed after the plan was created. Run gitform plan again.")
    }
    if !HMACSHA256.equal(saved.variablesDigest, SavedPlan.digest(of: session.variables, key: key)) {
      return ("Saved plan does not match the variables", "The input variables differ from the ones the plan was created with. Give the same -var and -var-file options (a saved plan keeps only a digest of the values, never the values).")
    }
    return nil
  }

  /// Nothing to do on GitLab: still record new output values, then say so.
  static func finishWithoutChanges(
    _ session: EngineSession, plan: Plan, destroy: Bool, stream: JSONUIStream?
  ) throws(CommandFailure) -> Int32 {
    var next = plan.priorState
    next.outputs = plan.outputsToRecord(plan.outputs)
    try session.writeState(next)
    let nothing = ApplyResult(state: next, diagnostics: [])
    if let stream {
      stream.applySummary(nothing, destroy: destroy, message: ApplyView.summary(nothing, destroy: destroy))
      stream.outputs(destroy ? [:] : next.outputs)
      return 0
    }
    session.context.out(ApplyView.complete(nothing, destroy: destroy, color: session.color, highlighted: false))
    return 0
  }

  /// Terraform's approval prompt; only `yes` goes on (any other answer cancels, exit code 1).
  static func confirm(_ context: CommandContext, destroy: Bool, refreshOnly: Bool = false) throws(CommandFailure) -> Bool {
    context.out(ApplyView.prompt(destroy: destroy, refreshOnly: refreshOnly))
    guard let answer = context.readLine() else { throw .usage("error asking for approval: EOF") }
    guard answer.trimmingCharacters(in: .whitespaces) == "yes" else {
      context.out(ApplyView.cancelled(destroy: destroy))
      return false
    }
    return true
  }
}
