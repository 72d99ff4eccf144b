import Foundation

/// Terraform's `http` backend, wire-compatible: the same requests, headers, lock-info JSON and
/// `?ID=<lock id>` on writes while locked, with go-retryablehttp's retries. GitLab-managed state
/// is this backend with `GitLabStateSettings`; its answers are then explained in GitLab's terms.
///
/// Requests (Terraform's `client.go`): read `GET address` (200 → state; 204 or 404 → none);
/// write `update_method address[?ID=…]` with `Content-Type: application/json` and
/// `Content-MD5: base64(md5(body))` (200, 201, 204 → done); lock `lock_method lock_address` with
/// the LockInfo JSON (200 → ours; 409 or 423 → the body is the holder's LockInfo); unlock
/// `unlock_method unlock_address` with the same LockInfo JSON (200 → done).
///
/// Thread-safe: a parallel apply may persist from several threads; requests are serialised.
public final class HTTPStateBackend: StateBackend, @unchecked Sendable {
  // @unchecked: every mutable field is guarded by `mutex`.
  public let settings: HTTPBackendSettings
  /// gitform's version, for `terraform_version` and for states too new to read.
  public let writerVersion: String
  let transport: HTTPTransport
  /// Waits between retries; tests pass a recorder instead of sleeping.
  let sleep: @Sendable (TimeInterval) -> Void
  let mutex = NSRecursiveLock()
  /// The lock this object holds: its info is sent again on unlock, its ID on every write.
  var heldLock: LockInfo?
  /// The last snapshot read or written, to skip unchanged writes and continue the serial.
  var persisted: (bytes: [UInt8], state: State)?

  public let lockRetryInitial = 1.0
  public let lockRetryMaximum = 16.0

  /// - Parameter transport: the HTTP layer; nil for the platform's (`HTTPTransports.platform`),
  ///   the one the GitLab client uses, which waits for an answer without spinning a core.
  /// - Throws: `.invalidConfiguration` for `skip_cert_verification = true`: gitform's HTTP
  ///   layer always verifies certificates (it would otherwise be silently ignored).
  public init(
    settings: HTTPBackendSettings, writerVersion: String, transport: HTTPTransport? = nil,
    sleep: @escaping @Sendable (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }
  ) throws(BackendError) {
    if settings.skipCertVerification && transport == nil {
      throw .invalidConfiguration(
        "skip_cert_verification = true is not supported: gitform's HTTP stack always verifies "
          + "the server's certificate (as it does for GitLab's API). Give the "
          + "state server a certificate the system trusts, or add its CA to the system trust store."
      )
    }
    self.settings = settings
    self.writerVersion = writerVersion
    self.transport = transport ?? HTTPTransports.platform()
    self.sleep = sleep
  }

  public var location: String {
    switch settings.server {
    case .generic: return settings.displayAddress
    case .gitLab(let project, let name, _):
      return "GitLab-managed state \"\(name)\" of project \(project) (\(settings.displayAddress))"
    }
  }

  /// The ID of the lock this object holds, if any.
  public var lockID: String? {
    mutex.lock()
    defer { mutex.unlock() }
    return heldLock?.id
  }

  // MARK: - Raw state

  public func pull() throws(BackendError) -> [UInt8]? {
    let exchange = try send("GET", settings.address, body: nil, operation: .read)
    let response = exchange.response
    switch response.status {
    case 200:
      guard !response.body.isEmpty else { return nil }
      let bytes = [UInt8](response.body)
      if let declared = response.header("Content-MD5"), !declared.isEmpty,
        declared != Base64.encode(MD5.hash(Array(bytes)))
      {
        throw BackendError(
          code: .invalidState, summary: "Failed to read the remote state",
          detail:
            "The state from \(settings.displayAddress) does not match its Content-MD5 header: "
            + "the answer was damaged on the way. Run the command again.", status: 200)
      }
      return bytes
    case 204:
      return nil
    case 404 where meansNoState(response):
      return nil
    default:
      throw explain(response, .read, retries: exchange.retries)
    }
  }

  public func push(_ bytes: [UInt8]) throws(BackendError) {
    mutex.lock()
    defer { mutex.unlock() }
    try upload(bytes)
    persisted = nil
  }

  /// `DELETE address`. GitLab answers 200 yet keeps a locked state.
  public func delete() throws(BackendError) {
    let exchange = try send("DELETE", settings.address, body: nil, operation: .delete)
    guard exchange.response.status == 200 || exchange.response.status == 204 else {
      throw explain(exchange.response, .delete, retries: exchange.retries)
    }
    mutex.lock()
    persisted = nil
    mutex.unlock()
  }

  // MARK: - State

  public func load() throws(BackendError) -> State {
    mutex.lock()
    defer { mutex.unlock() }
    guard let bytes = try pull() else {
      persisted = nil
      return State(terraformVersion: writerVersion)
    }
    do {
      let state = try StateFile.decode(
        bytes, path: settings.displayAddress, readerVersion: writerVersion)
      persisted = (bytes, state)
      return state
    } catch {
      throw BackendError(code: .invalidState, summary: error.summary, detail: error.detail)
    }
  }

  @discardableResult
  public func persist(_ state: State) throws(BackendError) -> State {
    mutex.lock()
    defer { mutex.unlock() }
    var next = state
    next.terraformVersion = writerVersion
    if let persisted {
      next.serial = persisted.state.serial
      if StateFile.encodeBytes(next) == persisted.bytes { return persisted.state }
      next.serial = max(persisted.state.serial, state.serial) + 1
    } else {
      next.serial = state.serial + 1
    }
    let bytes = StateFile.encodeBytes(next)
    try upload(bytes)
    persisted = (bytes, next)
    return next
  }

  /// One write of `bytes`, with `?ID=` while locked. When an earlier attempt may have reached
  /// the server and a retry is refused as a duplicate serial (GitLab's 422), the stored state is
  /// read back: if it is exactly `bytes`, the first attempt landed and the write is done.
  func upload(_ bytes: [UInt8]) throws(BackendError) {
    var url = settings.address
    if let id = heldLock?.id { url = HTTPStateBackend.adding(id: id, to: url) }
    let exchange = try send(settings.updateMethod, url, body: Data(bytes), operation: .write)
    switch exchange.response.status {
    case 200, 201, 204:
      return
    case 422 where exchange.earlierAttemptMayHaveLanded:
      if let stored = try? pull(), stored == bytes { return }
      throw explain(exchange.response, .write, retries: exchange.retries)
    default:
      throw explain(exchange.response, .write, retries: exchange.retries)
    }
  }

  /// `url` with the query parameter `ID` set (replacing one already there), as Terraform's
  /// `query.Set("ID", lockID)` does.
  static func adding(id: String, to url: URL) -> URL {
    guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else {
      return url
    }
    var items = (components.queryItems ?? []).filter { $0.name != "ID" }
    items.append(URLQueryItem(name: "ID", value: id))
    components.queryItems = items.sorted { $0.name < $1.name }
    return components.url ?? url
  }

  /// Whether a 404 on read means "no state yet". Any server but GitLab: always, as in
  /// Terraform. GitLab: only its `404 Not found` for an unknown state name; `404 Project Not
  /// Found` (a wrong project, or one the token cannot see) or a 404 from no route at all (a
  /// wrong base URL) must not read as an empty state — an apply would recreate everything.
  func meansNoState(_ response: GitLabResponse) -> Bool {
    guard isGitLab else { return true }
    return BackendErrorBody(response.body).message == "404 Not found"
  }
}
