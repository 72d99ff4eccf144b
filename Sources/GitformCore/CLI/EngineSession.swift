import Foundation

/// The steps every engine command shares, in order: configuration, variables, GitLab
/// connection, state lock, state. A step that fails throws a `CommandFailure`; the command's
/// steps run inside `run`, the one place that renders the failure and returns the exit code,
/// so a command reads as a list of steps.
final class EngineSession {
  let context: CommandContext
  let flags: EngineFlags
  private(set) var configuration: Configuration
  private(set) var graph = ConfigGraph()
  private(set) var variables: [String: Value] = [:]
  private(set) var evalContext = EvalContext()
  private(set) var store: StateStore
  private(set) var state: State
  private(set) var snapshot = StateSnapshot()
  private var lock: StateLock?
  /// The remote backend of a `gitform { backend ... }` block; nil for the local file.
  var remote: StateBackend?
  var remoteLocked = false
  var backendOpened = false
  var configurationLoaded = false
  private var sources: [DiagnosticSource] = []

  init(context: CommandContext, flags: EngineFlags) {
    self.context = context
    self.flags = flags
    configuration = Configuration(directory: context.workingDirectory)
    let path = CommandLineInterface.resolve(flags.statePath ?? StateFile.defaultName, against: context.workingDirectory)
    store = StateStore(path: path, writerVersion: CommandLineInterface.version)
    state = State(terraformVersion: CommandLineInterface.version)
  }

  deinit { unlock() }

  var color: Bool { context.colorEnabled(noColorFlag: flags.noColor) }

  /// The state path as the user gave it (for messages).
  var statePathShown: String { flags.statePath ?? StateFile.defaultName }

  // MARK: - Output

  /// Set by `-json` commands: diagnostics go to it (as `diagnostic` messages) instead of being
  /// rendered as text.
  var diagnosticObserver: (([Diagnostic], [DiagnosticSource]) -> Void)?

  func report(_ diagnostics: [Diagnostic]) {
    guard !diagnostics.isEmpty else { return }
    if let diagnosticObserver { return diagnosticObserver(diagnostics, sources) }
    let renderer = DiagnosticRenderer(sources: sources, color: color)
    let errors = diagnostics.filter { $0.severity == .error }
    let warnings = diagnostics.filter { $0.severity == .warning }
    if !warnings.isEmpty { context.out(renderer.render(warnings)) }
    if !errors.isEmpty { context.err(renderer.render(errors)) }
  }

  /// The one exit path of a command: runs its steps and returns their exit code, or renders
  /// the failure they threw and returns 1; then releases the state lock (after the failure is
  /// shown, as it always was).
  func run(_ steps: () throws(CommandFailure) -> Int32) -> Int32 {
    defer {
      unlock()
      ProcessLifetime.keepUntilExit(self)
    }
    do {
      return try steps()
    } catch {
      if error.plain {
        context.err(PlainDiagnosticText.render(error.diagnostics))
      } else {
        report(error.diagnostics)
      }
      return 1
    }
  }

  // MARK: - Steps

  /// Loads and checks the configuration and the input variables.
  func loadConfiguration(mode: EvalMode = .plan) throws(CommandFailure) {
    let (loaded, loadDiagnostics) = ConfigLoader.load(directory: context.workingDirectory)
    configuration = loaded
    configurationLoaded = true
    sources = loaded.sources.sorted { $0.key < $1.key }.map { name, bytes in
      loaded.syntaxFiles[name].map { DiagnosticSource(bytes: bytes, file: $0) }
        ?? DiagnosticSource(parsing: bytes, filename: name)
    }
    var diagnostics = loadDiagnostics
    if loaded.sources.isEmpty && !diagnostics.hasErrors {
      diagnostics.append(
        .error(
          "No configuration files",
          detail: "There are no *.gf.hcl files in \(context.workingDirectory). Write the configuration in files ending in .gf.hcl, or use -chdir=DIR to run in the directory that has them."))
    }
    if diagnostics.hasErrors { throw CommandFailure(diagnostics: diagnostics) }
    let (builtGraph, graphDiagnostics) = ConfigGraph.build(configuration)
    graph = builtGraph
    diagnostics += graphDiagnostics
    let clock: EvalClock
    switch EvalClock.fromEnvironment(context.environment) {
    case .success(let value): clock = value
    case .failure(let invalid):
      throw CommandFailure(diagnostics: diagnostics + [.error("Invalid GITFORM_NOW", detail: invalid.message)])
    }
    evalContext = EvalContext(baseDirectory: context.workingDirectory, clock: clock, mode: mode)
    let (values, variableDiagnostics, variableSources) = VariableValues.resolveWithSources(
      configuration, arguments: flags.variables, environment: context.environment, context: evalContext)
    variables = values
    sources += variableSources
    diagnostics += variableDiagnostics
    if diagnostics.hasErrors { throw CommandFailure(diagnostics: diagnostics) }
    report(diagnostics)
  }

  /// The GitLab client for the provider block (or the environment).
  func connect() throws(CommandFailure) -> ResourceContext {
    var scope = evalContext
    scope.variables["var"] = .object(variables)
    var settings: [String: Value] = [:]
    var diagnostics: [Diagnostic] = []
    if let provider = configuration.provider {
      for (name, expression) in provider.expressions {
        let (value, problems) = Evaluator.evaluate(expression, in: scope)
        diagnostics += problems
        settings[name] = value
      }
    }
    if diagnostics.hasErrors { throw CommandFailure(diagnostics: diagnostics) }
    var problems: [String] = []
    func converted(_ name: String, to type: ValueType, _ what: String) -> Value? {
      guard let value = settings[name], !value.isNull else { return nil }
      guard case .success(let converted) = value.converted(to: type), !converted.isNull else {
        problems.append("\(name) in the provider \"gitlab\" block must be \(what).")
        return nil
      }
      return converted
    }
    var given = GitLabSettings(
      baseURL: converted("base_url", to: .string, "a string")?.stringValue,
      token: converted("token", to: .string, "a string")?.stringValue,
      insecure: converted("insecure", to: .bool, "true or false")?.boolValue ?? false,
      caCertificateFile: converted("cacert_file", to: .string, "a string")?.stringValue,
      insecureHTTP: converted("insecure_http", to: .bool, "true or false")?.boolValue ?? false)
    if let timeout = converted("request_timeout", to: .number, "a number of seconds")?.numberValue {
      given.requestTimeout = NSDecimalNumber(decimal: timeout).doubleValue
    }
    if let retries = converted("retries", to: .number, "a whole number")?.numberValue {
      let whole = NSDecimalNumber(decimal: retries).intValue
      if Decimal(whole) == retries {
        given.retries = whole
      } else {
        problems.append("retries in the provider \"gitlab\" block must be a whole number.")
      }
    }
    if !problems.isEmpty {
      throw CommandFailure("Invalid provider configuration", problems.joined(separator: " "))
    }
    do {
      let connection = try given.connection(
        environment: context.environment, clientVersion: CommandLineInterface.version)
      var client = try GitLabClient(
        connection: connection, retryPolicy: try given.retryPolicy(environment: context.environment))
      // On standard error, so machine-read output (-json, show, output) stays parseable.
      let context = context
      client.waitObserver = { wait in context.err(wait.description + "\n") }
      return ResourceContext(client: client, now: evalContext.clock.now())
    } catch {
      throw CommandFailure("Invalid provider configuration", Refresher.describe(error))
    }
  }

  /// Takes the state lock unless `-lock=false`.
  func lockState(operation: String) throws(CommandFailure) {
    try openBackend()
    guard flags.lock else { return }
    if let remote { return try lockRemote(remote, operation: operation) }
    do {
      lock = try StateLock.acquire(
        LockInfo(operation: operation, version: CommandLineInterface.version, path: statePathShown),
        statePath: store.path, timeout: flags.lockTimeout)
    } catch {
      throw CommandFailure(error.summary, error.detail)
    }
  }

  func unlock() {
    if remoteLocked, let remote {
      remoteLocked = false
      do {
        try remote.unlock()
      } catch {
        report([.error(error.summary, detail: error.detail)])
      }
    }
    try? lock?.unlock()
    lock = nil
  }

  /// Reads the state. An interrupted apply's journal is folded into the file only while this
  /// process holds the lock; otherwise (state list, show, -lock=false) it is folded in memory,
  /// so a reader never deletes the journal of an apply that is still running.
  func loadState() throws(CommandFailure) {
    try openBackend()
    if let remote {
      do {
        state = try remote.load()
      } catch {
        throw CommandFailure(error.summary, error.detail)
      }
    } else {
      do {
        state = try store.load(recoverJournal: lock != nil)
      } catch {
        throw CommandFailure(error.summary, error.detail)
      }
    }
    let (converted, diagnostics) = StateBridge.snapshot(state, schemas: configuration.catalog.schema(of:))
    snapshot = converted
    if diagnostics.hasErrors { throw CommandFailure(diagnostics: diagnostics) }
  }

  /// Writes `snapshot` as the new state.
  func writeState(_ next: StateSnapshot) throws(CommandFailure) {
    do {
      state = try persist(StateBridge.apply(next, to: state, schemas: configuration.catalog.schema(of:)))
      snapshot = next
    } catch {
      throw CommandFailure(error.summary, error.detail)
    }
  }

  func setStore(_ newStore: StateStore) { store = newStore }

  /// Makes a plan, showing the refresh's progress as it happens.
  func makePlan(_ resources: ResourceContext, destroy: Bool) throws(CommandFailure) -> Plan {
    var options = PlanOptions()
    options.refresh = flags.refresh
    options.destroy = destroy
    options.refreshOnly = flags.refreshOnly && !destroy
    options.targets = flags.targets
    options.replace = flags.replace
    options.parallelism = flags.parallelism
    var planner = Planner(
      configuration: configuration, graph: graph, variables: variables, evalContext: evalContext,
      resourceContext: resources, options: options)
    let progress = RefreshProgressView(write: context.standardOutput)
    planner.observeRefresh = { progress.observe($0) }
    let (plan, diagnostics) = planner.plan(state: snapshot)
    guard let plan else {
      context.out(PlanRenderer.planningFailed)
      throw .planning(diagnostics)
    }
    return plan
  }
}
