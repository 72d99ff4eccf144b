import Foundation

/// The seam between gitform and the network: sends one request, returns one response. The one
/// HTTP layer for GitLab's API (`GitLabClient`) and for remote state (`HTTPStateBackend`, which
/// sends any method with HTTP Basic credentials).
///
/// Synchronous, like the CLI and the emulator's server; the apply engine gets parallelism by
/// calling `send` from several threads at once, so implementations must be safe to call
/// concurrently. A transport neither retries nor follows redirects (the caller decides both) and
/// throws only `TransportFailure`. Production uses `CurlTransport` (URLSession where libcurl is
/// not found, see `GitLabClient.productionTransport` and `HTTPTransports.platform`); unit
/// tests may put a fake here, and only here.
public protocol HTTPTransport: Sendable {
  func send(_ request: GitLabRequest) throws -> GitLabResponse
}

/// Which `HTTPTransport` production uses.
public enum HTTPTransports {
  /// The platform's transport with the system's TLS trust, for a server that is not GitLab's
  /// API (a state backend): libcurl's blocking interface where Foundation runs on libcurl — it
  /// waits for an answer without using CPU — and URLSession elsewhere.
  public static func platform(requestTimeout: TimeInterval = 30) -> any HTTPTransport {
    CurlTransport() ?? URLSessionTransport(requestTimeout: requestTimeout)
  }
}

/// Why a request got no HTTP response, and whether GitLab may nevertheless have received it.
public struct TransportFailure: Error, Sendable, Equatable {
  public enum Kind: String, Sendable, Equatable {
    /// Nothing listens at the address (connection refused) or the network is unreachable.
    case couldNotConnect = "connection refused"
    case hostNotFound = "host not found"
    /// The TLS handshake failed (certificate not trusted, protocol mismatch).
    case tlsFailure = "TLS handshake failed"
    case timedOut = "timed out"
    /// The connection broke while the request or response was under way.
    case connectionLost = "connection lost"
    /// The server closed the connection without a response.
    case noResponse = "server closed the connection without answering"
    case other = "transport error"
  }

  public var kind: Kind
  /// The underlying library's words, for the cases our own kinds do not explain.
  public var detail: String

  public init(_ kind: Kind, detail: String = "") {
    self.kind = kind
    self.detail = detail
  }

  /// False only when the request certainly never reached GitLab (nothing was connected).
  public var requestMayHaveBeenSent: Bool {
    switch kind {
    case .couldNotConnect, .hostNotFound, .tlsFailure: return false
    case .timedOut, .connectionLost, .noResponse, .other: return true
    }
  }

  /// A failure worth retrying for an idempotent request: the connection broke or stalled, which
  /// a restarting or overloaded GitLab does; a refused connection or unknown host does not heal
  /// in seconds.
  public var isTransient: Bool {
    switch kind {
    case .timedOut, .connectionLost, .noResponse: return true
    case .couldNotConnect, .hostNotFound, .tlsFailure, .other: return false
    }
  }

  /// The kind, plus the library's detail for `.other` and `.tlsFailure` (a handshake nobody
  /// answered and a certificate nobody trusts need different fixes).
  public var summary: String {
    guard !detail.isEmpty else { return kind.rawValue }
    switch kind {
    case .other: return detail
    case .tlsFailure: return "\(kind.rawValue): \(detail)"
    default: return kind.rawValue
    }
  }
}
