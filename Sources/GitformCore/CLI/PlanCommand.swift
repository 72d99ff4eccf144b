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
      -replace=resource   Force replacement of a particular resource instance.
      -target=resource    Limit the planning operation to only the given resource
                          and its dependencies. Can be repeated.
      -var 'foo=bar'      Set a value for one of the input variables.
      -var-file=filename  Load variable values from the given file.
      -detailed-exitcode  Return 0 when there are no changes, 1 on error and 2
                          when there are changes.
      -lock=false         Don't hold a state lock during the operation.
      -lock-timeout=0s    Duration to retry a state lock.
      -no-color           If specified, output won't contain any color.
      -out=path           Write the plan to the given path; "gitform apply path" then
                          performs exactly these actions or refuses.
      -parallelism=n      Limit the number of concurrent operations. Defaults to 10.
      -state=path         The state file to use (default gitform.tfstate).

    """

  func run(_ arguments: [String], context: CommandContext) -> Int32 {
    let flags: EngineFlags
    switch EngineFlags.parse(
      arguments, accepts: [.variables, .state, .lock, .planning, .color, .detailed, .destroy])
    {
    case .success(let parsed): flags = parsed
    case .failure(let problem):
      context.err("\nError: Invalid option\n\n\(problem.message)\n")
      return 1
    }
    if let extra = flags.positional.first {
      context.err("\nError: Too many command line arguments\n\nUnexpected argument \(extra): plan takes no arguments; run gitform in the configuration's directory or use -chdir=DIR.\n")
      return 1
    }
    let session = EngineSession(context: context, flags: flags)
    guard session.loadConfiguration(), let resources = session.connect(),
      session.lockState(operation: LockInfo.plan), session.loadState()
    else { return 1 }
    defer { session.unlock() }
    guard let plan = session.makePlan(resources, destroy: flags.destroy) else { return 1 }
    let renderer = PlanRenderer(color: session.color)
    context.out(renderer.render(plan))
    // As Terraform: warnings follow the plan they are about.
    session.report(plan.warnings)
    if let out = flags.out {
      var saved = SavedPlan(
        lineage: session.state.lineage, serial: session.state.serial,
        configurationDigest: SavedPlan.digest(of: session.configuration),
        variablesDigest: SavedPlan.digest(of: session.variables), destroy: flags.destroy,
        refresh: flags.refresh, targets: flags.targets.map(\.description),
        replace: flags.replace.map(\.description), actions: SavedPlan.actions(of: plan))
      saved.reasons = SavedPlan.reasons(of: plan)
      saved.plannedAt = TokenAttributes.timestamp(resources.now)
      let path = CommandLineInterface.resolve(out, against: context.workingDirectory)
      do {
        try DurableFile.replace(path, with: Array((JSONWriter.indented(saved.json) + "\n").utf8))
      } catch {
        return session.fail("Failed to write the plan file", "\(error.summary): \(error.detail)") ? 0 : 1
      }
      context.out(
        "\n" + PlanRenderer.rule() + "\n\nSaved the plan to: \(out)\n\n"
          + "To perform exactly these actions, run the following command to apply:\n"
          + "    gitform apply \"\(out)\"\n")
    } else if !plan.isEmpty {
      context.out(
        "\n" + PlanRenderer.rule() + "\n\n"
          + "Note: You didn't use the -out option to save this plan, so gitform can't\n"
          + "guarantee to take exactly these actions if you run \"gitform apply\" now.\n")
    }
    return flags.detailedExitCode && !plan.isEmpty ? 2 : 0
  }
}
