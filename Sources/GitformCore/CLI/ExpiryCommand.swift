import Foundation

/// `gitform expiry`: when each managed token expires and when it will be rotated, soonest
/// first, for people and for scheduled pipelines.
///
/// The report is made from a plan (refreshed from GitLab unless `-refresh=false`), so it shows
/// what GitLab has now and what the next `gitform apply` would do about it. The exit code is 2
/// when any managed token is expired, revoked, or expires or reaches its rotation date within
/// the window: a scheduled pipeline can alert on it, then run `gitform apply`. Tokens that are
/// not managed (`-all`) never change the exit code: gitform cannot act on them.
struct ExpiryCommand: Command {
  static let name = "expiry"
  static let synopsis = "Show when managed tokens expire and rotate"
  static let help = """
    Usage: gitform [global options] expiry [options]

      Lists every token the state manages with its expiry date, the days left,
      its rotation date (with rotation_configuration) and what the next apply
      will do, soonest first. Exits with 2 when any token is expired, revoked,
      or expires or reaches its rotation date within the window; 0 otherwise.

    Options:

      -within=DAYS        The window, in days from today (UTC). Defaults to 7.
      -all                Also list the tokens on the configuration's users,
                          projects and groups that gitform does not manage.
      -json               Print the report as JSON.
      -refresh=false      Use the state as it is, without asking GitLab.
      -var 'foo=bar'      Set a value for one of the input variables.
      -var-file=filename  Load variable values from the given file.
      -lock=false         Don't hold a state lock during the operation.
      -lock-timeout=0s    Duration to retry a state lock.
      -no-color           Accepted for symmetry; the report has no colour.
      -state=path         The state file to use (default gitform.tfstate).

    """

  /// GitLab mails a token's owner seven days before it expires; the default window matches.
  static let defaultWindow = 7

  func run(_ arguments: [String], context: CommandContext) -> Int32 {
    var window = ExpiryCommand.defaultWindow
    var listAll = false
    var engineArguments: [String] = []
    for argument in arguments {
      let body = argument.hasPrefix("--") ? String(argument.dropFirst()) : argument
      if body == "-all" {
        listAll = true
      } else if body.hasPrefix("-all=") {
        // A switch like the others: Go's boolean spellings, anything else refused.
        guard let on = EngineFlags.boolean(String(body.dropFirst("-all=".count))) else {
          context.err(
            "\nError: Invalid option\n\nInvalid value for -all: \"\(body.dropFirst("-all=".count))\" is not a "
              + "boolean; use -all, -all=true or -all=false.\n")
          return 1
        }
        listAll = on
      } else if body.hasPrefix("-within=") {
        guard let days = Int(body.dropFirst("-within=".count)), days >= 0, days <= 36_500 else {
          context.err("\nError: Invalid option\n\nInvalid value for -within: use a whole number of days from 0, as in -within=14.\n")
          return 1
        }
        window = days
      } else {
        engineArguments.append(argument)
      }
    }
    let flags: EngineFlags
    switch EngineFlags.parse(engineArguments, accepts: [.variables, .state, .lock, .planning, .color, .json]) {
    case .success(let parsed): flags = parsed
    case .failure(let problem):
      context.err("\nError: Invalid option\n\n\(problem.message)\n")
      return 1
    }
    if !flags.targets.isEmpty || !flags.replace.isEmpty {
      context.err("\nError: Invalid option\n\nexpiry reports on every managed token: -target and -replace do not apply.\n")
      return 1
    }
    if let extra = flags.positional.first {
      context.err("\nError: Too many command line arguments\n\nUnexpected argument \(extra): expiry takes no arguments.\n")
      return 1
    }
    let session = EngineSession(context: context, flags: flags)
    return session.run { () throws(CommandFailure) -> Int32 in
      try expiryReport(session, window: window, listAll: listAll)
    }
  }

  /// The steps of the report once the flags are read; every failure is thrown to `session.run`.
  private func expiryReport(_ session: EngineSession, window: Int, listAll: Bool) throws(CommandFailure) -> Int32 {
    let context = session.context
    let flags = session.flags
    try session.loadConfiguration()
    let resources = try session.connect()
    try session.lockState(operation: LockInfo.plan)
    try session.loadState()
    var options = PlanOptions()
    options.refresh = flags.refresh
    options.parallelism = flags.parallelism
    let planner = Planner(
      configuration: session.configuration, graph: session.graph, variables: session.variables,
      evalContext: session.evalContext, resourceContext: resources, options: options)
    let (made, diagnostics) = planner.plan(state: session.snapshot)
    guard let plan = made else {
      throw .planning(diagnostics)
    }
    let catalog = session.configuration.catalog
    var report = ExpiryReport(plan: plan, catalog: catalog, today: resources.today, window: window)
    if listAll {
      do {
        report.unmanaged = try ExpiryReport.unmanaged(plan, catalog: catalog, context: resources)
      } catch {
        throw CommandFailure("Failed to list the owners' tokens", Refresher.describe(error))
      }
    }
    let view = ExpiryReportView(report: report)
    context.out(flags.json ? JSONWriter.indented(view.json(listAll: listAll)) + "\n" : view.table(listAll: listAll))
    return report.needsAttention ? 2 : 0
  }
}
