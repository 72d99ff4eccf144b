import Foundation

/// `gitform console`: evaluates expressions against the configuration and the state, as
/// `terraform console` does — input variables, locals, every managed resource's and data
/// source's values as the state records them (those not in the state yet are "known after
/// apply"), and the built-in functions. Secrets print as "(sensitive value)".
///
/// At a terminal it prompts; otherwise it reads standard input line by line (for scripts) and
/// prints one result per expression. Terraform prints only the last result of piped input;
/// gitform prints each, so a script can ask several questions at once. As in Terraform, an
/// error in piped input ends the command with exit code 1; at the prompt it is shown and the
/// session goes on. `exit` ends the session. The state is read, never locked or written.
struct ConsoleCommand: Command {
  static let name = "console"
  static let synopsis = "Try gitform expressions at an interactive command prompt"
  static let help = """
    Usage: gitform [global options] console [options]

      Starts an interactive console for experimenting with gitform
      expressions: variables, locals, resources and data sources as the state
      records them, and every built-in function. With standard input that is
      not a terminal, reads one expression per line and prints each result.

      This command will never modify your state.

    Options:

      -state=path       Path to the state file to read. Defaults to "gitform.tfstate".
      -var 'foo=bar'    Set a variable in the gitform configuration. This
                        flag can be set multiple times.
      -var-file=foo     Set variables in the gitform configuration from a file.
      -no-color         If specified, output won't contain any color.

    """

  /// What `help` typed at the console answers, after Terraform's.
  static let sessionHelp = """
    The gitform console allows you to experiment with gitform expressions.
    You may access resources in the state (if you have one) just as you would
    from a configuration. For example: "user_token.ci.expires_at" would evaluate
    to the expiry date of "user_token.ci" if it exists in your state.

    Type in the expression to test and hit <enter> to see the result.

    To exit the console, type "exit" and hit <enter>, or use Control-C or
    Control-D.

    """

  /// The name Terraform gives the console's input in diagnostics.
  static let inputName = "<console-input>"

  func run(_ arguments: [String], context: CommandContext) throws(CommandFailure) -> Int32 {
    let flags: EngineFlags
    switch EngineFlags.parse(arguments, accepts: [.state, .variables, .color]) {
    case .success(let parsed): flags = parsed
    case .failure(let problem):
      throw .usage("Invalid option", problem.message)
    }
    guard flags.positional.isEmpty else {
      throw .usage("Unexpected argument", "The console command expects no arguments.")
    }
    var noLock = flags
    noLock.lock = false
    let session = EngineSession(context: context, flags: noLock)
    return session.run { () throws(CommandFailure) -> Int32 in
      // Without configuration files the console still evaluates functions, as Terraform's does.
      let configured = ConfigLoader.hasConfigurationFiles(in: context.workingDirectory)
      if configured { try session.loadConfiguration(mode: .apply) }
      try session.loadState()
      return try readEvaluatePrint(session, configured: configured)
    }
  }

  /// The console's loop over standard input, in the scope of the configuration and state.
  private func readEvaluatePrint(_ session: EngineSession, configured: Bool) throws(CommandFailure) -> Int32 {
    let context = session.context
    let scope: EvalContext
    var problems: [Diagnostic] = []
    if configured {
      (scope, problems) = Self.scope(session)
    } else {
      switch EvalClock.fromEnvironment(context.environment) {
      case .success(let clock):
        let bare = EvalContext(baseDirectory: context.workingDirectory, clock: clock, mode: .apply)
        scope = ConfigWalker(
          configuration: Configuration(directory: context.workingDirectory), graph: ConfigGraph(), variables: [:],
          context: bare
        ).context
      case .failure(let invalid):
        throw CommandFailure("Invalid GITFORM_NOW", invalid.message)
      }
    }
    if problems.hasErrors {
      // As Terraform: the problems, then a warning that results may be incomplete.
      session.report(problems)
      session.report([
        .warning("Due to the problems above, some expressions may produce unexpected results.")
      ])
    } else {
      session.report(problems)
    }
    let interactive = context.isTerminal && isatty(STDIN_FILENO) == 1
    let renderer = DiagnosticRenderer(sources: [], color: session.color)
    while true {
      if interactive { context.out("> ") }
      guard let line = context.readLine() else { break }
      let input = line.trimmingCharacters(in: .whitespaces)
      if input.isEmpty { continue }
      if input == "exit" { break }
      if input == "help" {
        context.out(Self.sessionHelp)
        continue
      }
      let (result, diagnostics) = Self.evaluate(input, in: scope, configuration: session.configuration)
      if diagnostics.hasErrors {
        context.err(renderer.render(diagnostics))
        if !interactive { return 1 }
        continue
      }
      if !diagnostics.isEmpty { context.out(renderer.render(diagnostics)) }
      context.out(result + "\n")
    }
    if interactive { context.out("\n") }
    return 0
  }

  /// One line's expression, evaluated and formatted as `terraform console` prints it.
  static func evaluate(_ input: String, in scope: EvalContext, configuration: Configuration) -> (String, [Diagnostic]) {
    let (expression, parseDiagnostics) = Parser.parseExpression(Array(input.utf8), filename: inputName)
    if parseDiagnostics.hasErrors { return ("", parseDiagnostics) }
    let referenceDiagnostics = ReferenceChecker.diagnostics(of: expression, in: configuration)
    if referenceDiagnostics.hasErrors { return ("", referenceDiagnostics) }
    let (value, diagnostics) = Evaluator.evaluate(expression, in: scope)
    if diagnostics.hasErrors { return ("", diagnostics) }
    return (ConsoleValueFormat.format(value), diagnostics)
  }

  /// Variables, locals and resources as the configuration and state give them: the walk
  /// publishes each instance's state object, or an unknown one when the state has none.
  static func scope(_ session: EngineSession) -> (EvalContext, [Diagnostic]) {
    let data = dataSourceValues(session.state)
    var walker = ConfigWalker(
      configuration: session.configuration, graph: session.graph, variables: session.variables,
      context: session.evalContext)
    walker.walk { instances in
      var values: [ResourceInstanceAddress: Value] = [:]
      for instance in instances {
        let schema =
          instance.resource.mode == .managed
          ? ResourceCatalog.standard.managed(instance.resource.type)?.schema
          : ResourceCatalog.standard.dataSource(instance.resource.type)?.schema
        let stored =
          instance.resource.mode == .managed
          ? session.snapshot.objects[instance.address]?.value : data[instance.address]
        values[instance.address] = stored ?? .unknown(schema?.objectType ?? .dynamic)
      }
      return values
    }
    return (walker.context, walker.diagnostics)
  }

  /// Data sources as the state records them, secrets marked by their schema.
  private static func dataSourceValues(_ state: State) -> [ResourceInstanceAddress: Value] {
    var values: [ResourceInstanceAddress: Value] = [:]
    for resource in state.resources where resource.mode == .data {
      guard let schema = ResourceCatalog.standard.dataSource(resource.type)?.schema else { continue }
      for instance in resource.instances {
        guard let value = ValueJSON.value(instance.attributes, as: schema.objectType) else { continue }
        values[InstanceAddress(resource: resource.address, key: instance.indexKey)] =
          SensitiveMarks.apply(schema, to: value)
      }
    }
    return values
  }
}
