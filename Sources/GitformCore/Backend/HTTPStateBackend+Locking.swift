import Foundation

extension HTTPStateBackend {
  /// `lock_method lock_address` with the LockInfo JSON. Without `lock_address` the backend does
  /// not lock, as in Terraform.
  public func tryLock(_ info: LockInfo) throws(BackendError) -> LockAttempt {
    guard let lockAddress = settings.lockAddress else { return .unsupported }
    mutex.lock()
    defer { mutex.unlock() }
    // Already ours: asking again would only earn a 409 from GitLab, which refuses even its
    // holder's own ID.
    if heldLock != nil { return .acquired }
    let body = Data(JSONWriter.compact(info.json).utf8)
    let exchange = try send(settings.lockMethod, lockAddress, body: body, operation: .lock)
    switch exchange.response.status {
    case 200:
      heldLock = info
      return .acquired
    case 409, 423:
      let holder = self.holder(from: exchange.response.body)
      // A lock whose answer was lost and then retried: the server holds *our* ID.
      if holder?.id == info.id, exchange.earlierAttemptMayHaveLanded {
        heldLock = info
        return .acquired
      }
      return .held(by: holder)
    default:
      throw explain(exchange.response, .lock, retries: exchange.retries)
    }
  }

  /// The holder's lock info from a 409/423 body. GitLab echoes Operation, Info, Version and Path
  /// from *our* request; only ID, Who (the holder's GitLab username) and Created are the
  /// holder's, so only those are kept.
  func holder(from body: Data) -> LockInfo? {
    guard let info = LockInfo.decode([UInt8](body)) else { return nil }
    guard isGitLab else { return info }
    return LockInfo(
      id: info.id, operation: "", info: "", who: info.who, version: "", created: info.created,
      path: "")
  }

  /// `unlock_method unlock_address` with the LockInfo JSON sent at lock time.
  public func unlock() throws(BackendError) {
    mutex.lock()
    defer { mutex.unlock() }
    guard let held = heldLock else { return }
    guard let unlockAddress = settings.unlockAddress else {
      heldLock = nil
      return
    }
    let body = Data(JSONWriter.compact(held.json).utf8)
    let exchange = try send(settings.unlockMethod, unlockAddress, body: body, operation: .unlock)
    switch exchange.response.status {
    case 200, 204:
      heldLock = nil
    case 409:
      heldLock = nil
      throw BackendError(
        code: .lockMismatch, summary: "Failed to unlock the state",
        detail:
          "\(settings.displayAddress) no longer holds gitform's lock \(held.id) (409 Conflict): "
          + "someone removed it with force-unlock while this command ran, and may have taken the "
          + "lock since. Check the state before running another command.",
        status: 409, secrets: [settings.password])
    default:
      throw explain(exchange.response, .unlock, retries: exchange.retries)
    }
  }

  /// Unlocks the lock with `id` whoever holds it, sending Terraform's LockInfo shape with that ID.
  public func forceUnlock(id: String) throws(BackendError) {
    guard let unlockAddress = settings.unlockAddress else {
      throw .invalidConfiguration(
        "This http backend has no unlock_address, so there is no lock gitform could remove. Set "
          + "unlock_address (or TF_HTTP_UNLOCK_ADDRESS) to the server's unlock endpoint.")
    }
    guard !id.isEmpty, id.count <= 255 else {
      throw .invalidConfiguration("The lock ID must be between 1 and 255 characters long.")
    }
    let info = LockInfo(id: id, operation: "", info: "", version: writerVersion, path: "")
    let body = Data(JSONWriter.compact(info.json).utf8)
    let exchange = try send(settings.unlockMethod, unlockAddress, body: body, operation: .unlock)
    switch exchange.response.status {
    case 200, 204:
      mutex.lock()
      if heldLock?.id == id { heldLock = nil }
      mutex.unlock()
    case 409:
      throw BackendError(
        code: .lockMismatch, summary: "Failed to unlock state",
        detail: "\(settings.displayAddress) holds no lock with ID \"\(id)\" (409 Conflict): the "
          + "state is locked with another ID, or not locked at all. Check the ID in the error "
          + "that named the lock holder.",
        status: 409, secrets: [settings.password])
    default:
      throw explain(exchange.response, .unlock, retries: exchange.retries)
    }
  }
}
