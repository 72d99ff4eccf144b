import Foundation

/// Remote state for the engine commands: the `gitform { backend ... }` block turned into a
/// `StateBackend`, its lock, and its reads and writes.
///
/// The local state file keeps its own path through `StateStore` and `StateLock` (journal,
/// backup and messages unchanged); a backend block routes `lockState`, `loadState`,
/// `writeState` and `persist` through the remote backend instead.
extension EngineSession {
  /// The configuration's backend block: the one `loadConfiguration` decoded, or — for commands
  /// that do not load the configuration (state, output, show) — the one in the directory's
  /// files, when they declare one.
  var backendBlock: BackendBlock? {
    if configurationLoaded { return configuration.backend }
    guard ConfigLoader.hasConfigurationFiles(in: context.workingDirectory) else { return nil }
    return ConfigLoader.load(directory: context.workingDirectory).0.backend
  }

  /// Makes the remote backend once, when the configuration declares one.
  func openBackend() throws(CommandFailure) {
    guard !backendOpened else { return }
    backendOpened = true
    guard let block = backendBlock else { return }
    if flags.statePath != nil {
      throw CommandFailure(
        "Invalid option",
        "-state=PATH names a local state file, but the configuration keeps the state in backend \"\(block.type)\". Remove -state, or remove the backend block to use a local file.")
    }
    do {
      let configurationChoice = try BackendConfiguration.block(type: block.type, attributes: block.attributes)
      let (baseURL, token) = providerCredentials()
      remote = try configurationChoice.makeBackend(
        providerBaseURL: baseURL, providerToken: token, environment: context.environment,
        writerVersion: CommandLineInterface.version)
    } catch {
      throw CommandFailure(diagnostics: [.error(error.summary, detail: error.detail, subject: block.block.definitionRange)])
    }
  }

  /// `base_url` and `token` of the provider block when they evaluate (GitLab-managed state
  /// uses the provider's server and credentials); nil otherwise, so the environment decides.
  private func providerCredentials() -> (String?, SecretValue?) {
    guard let provider = configuration.provider else { return (nil, nil) }
    var scope = evalContext
    scope.variables["var"] = .object(variables)
    func text(_ expression: Expression?) -> String? {
      guard let expression else { return nil }
      let (value, problems) = Evaluator.evaluate(expression, in: scope)
      guard problems.isEmpty, case .success(let converted) = value.converted(to: .string) else { return nil }
      return converted.stringValue
    }
    return (text(provider.baseURL), text(provider.token).map(SecretValue.init))
  }

  /// Where the state lives, for the plan's "State:" line; nil for the local file.
  var remoteLocation: String? { remote?.location }

  /// Takes the remote lock (waiting up to `-lock-timeout`).
  func lockRemote(_ backend: StateBackend, operation: String) throws(CommandFailure) {
    let info = LockInfo(operation: operation, version: CommandLineInterface.version, path: backend.location)
    let context = context
    do {
      remoteLocked = try StateBackendLocking.acquire(
        backend, info: info, timeout: flags.lockTimeout,
        whileWaiting: { context.err(BackendView.acquiringLock) })
    } catch {
      throw CommandFailure(error.summary, error.detail)
    }
  }

  /// Writes `state` where it lives: the remote backend, or the local store.
  func persist(_ state: State) throws(BackendError) -> State {
    if let remote { return try remote.persist(state) }
    var store = self.store
    do {
      let written = try store.write(state)
      setStore(store)
      return written
    } catch {
      throw .local(error)
    }
  }
}

extension EngineSession {
  /// The backend commands that move whole states use (`state push`, `init -migrate-state`):
  /// the remote one, or the local file as a backend (the session's own `StateLock` guards it).
  func stateBackend() -> StateBackend {
    remote ?? LocalStateBackend(path: store.path, writerVersion: CommandLineInterface.version)
  }
}
