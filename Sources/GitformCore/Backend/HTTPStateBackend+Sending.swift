import Foundation

extension HTTPStateBackend {
  /// What a request was for, to explain the server's answer in those terms.
  enum Operation: String {
    case read = "read the state"
    case write = "write the state"
    case lock = "lock the state"
    case unlock = "unlock the state"
    case delete = "delete the state"
  }

  /// The final answer to one logical request, after retries.
  struct Exchange {
    var response: GitLabResponse
    /// Retries sent after the first attempt.
    var retries: Int
    /// True when an earlier attempt failed without an answer after possibly reaching the server
    /// (or got a retryable 5xx), so its effect may already be in place.
    var earlierAttemptMayHaveLanded: Bool
  }

  /// Sends one request with Terraform's headers and go-retryablehttp's retries.
  func send(_ method: String, _ url: URL, body: Data?, operation: Operation) throws(BackendError)
    -> Exchange
  {
    var headers = ["User-Agent": "gitform/\(writerVersion)"]
    if let body {
      headers["Content-Type"] = "application/json"
      headers["Content-MD5"] = Base64.encode(MD5.hash(Array(body)))
    }
    // Basic credentials only with a username, as Terraform sends them. Never a kept-alive
    // connection: a lock or write silently re-sent by libcurl would conflict with itself.
    let credentials =
      settings.username.isEmpty
      ? nil
      : GitLabRequest.BasicCredentials(username: settings.username, password: settings.password)
    let request = GitLabRequest(
      method: GitLabRequest.Method(rawValue: method), url: url, route: operation.rawValue,
      headers: headers, body: body, basicCredentials: credentials, reusesConnection: false)
    let policy = settings.retryPolicy
    var retry = 0
    var mayHaveLanded = false
    while true {
      let wait: TimeInterval
      do {
        let response = try transport.send(request)
        guard let delay = policy.delay(beforeRetry: retry, after: response) else {
          return Exchange(
            response: response, retries: retry, earlierAttemptMayHaveLanded: mayHaveLanded)
        }
        // A 429 is refused before any work; a 5xx may have come after the change was made.
        if response.status != 429 { mayHaveLanded = true }
        wait = delay
      } catch {
        let failure =
          error as? TransportFailure ?? TransportFailure(.other, detail: String(describing: error))
        guard let delay = policy.delay(beforeRetry: retry, after: failure) else {
          throw transportError(failure, operation: operation, retries: retry)
        }
        if failure.requestMayHaveBeenSent { mayHaveLanded = true }
        wait = delay
      }
      if wait > 0 { sleep(wait) }
      retry += 1
    }
  }

  func transportError(_ failure: TransportFailure, operation: Operation, retries: Int)
    -> BackendError
  {
    // The library's words always: for a state server they are the only clue to what broke.
    let words = failure.detail.isEmpty ? failure.kind.rawValue : "\(failure.kind.rawValue): \(failure.detail)"
    var detail =
      "gitform could not \(operation.rawValue) at \(settings.displayAddress): \(words)"
    detail += retries > 0 ? " (after \(retries) \(retries == 1 ? "retry" : "retries"))." : "."
    switch failure.kind {
    case .tlsFailure:
      detail += " The server's certificate is not trusted; add its CA to the system trust store."
    case .couldNotConnect, .hostNotFound:
      detail += " Check the address and that the server is reachable from here."
    default:
      detail += " Check the network and the server, then run the command again."
    }
    if operation == .write {
      detail +=
        " The state may or may not have been stored; gitform state pull shows what the server has."
    }
    return BackendError(
      code: .transport, summary: "Failed to \(operation.rawValue)", detail: detail,
      secrets: [settings.password])
  }
}
