import Foundation

/// An emulator serving on loopback inside the current process: what tests of both libraries
/// start on port 0, point a client at `baseURL`, and stop.
///
/// It is also what the `gitlab-emulator` executable runs, so the in-process and the
/// subprocess emulator cannot drift apart.
public final class RunningEmulator: @unchecked Sendable {
  public let configuration: EmulatorConfiguration
  /// The bound port (the kernel's choice when the configuration asks for 0).
  public let port: Int
  /// `http://HOST:PORT`: where the control routes under `/-/emulator/` live.
  public let rootURL: URL
  private let server: HTTPServer

  /// Serves the GitLab API: what the executable runs and what most tests want.
  public convenience init(configuration: EmulatorConfiguration = EmulatorConfiguration()) throws {
    try self.init(handler: GitLabAPI(configuration: configuration), configuration: configuration)
  }

  /// Serves `handler` on `configuration.host` and `configuration.port`.
  public init(
    handler: HTTPHandler, configuration: EmulatorConfiguration = EmulatorConfiguration(),
    limits: HTTPServer.Limits = HTTPServer.Limits()
  ) throws {
    let server = try HTTPServer(
      host: configuration.host, port: configuration.port, handler: handler, limits: limits)
    let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
    guard let rootURL = URL(string: "http://\(host):\(server.port)") else {
      server.stop()
      throw HTTPServerError(operation: "no URL for host \(configuration.host)", code: 0)
    }
    self.server = server
    self.configuration = configuration
    self.port = server.port
    self.rootURL = rootURL
  }

  /// `http://HOST:PORT/api/v4`: the base URL GitLab clients are given.
  public var baseURL: URL { rootURL.appendingPathComponent("api/v4") }

  /// The line the executable prints once it is serving (see DESIGN.md).
  public var readyLine: String { "gitlab-emulator listening on \(rootURL.absoluteString)" }

  /// Connections open right now (for the load benchmark).
  public var openConnections: Int { server.openConnections }

  /// Closes the listener and every connection; returns promptly.
  public func stop() { server.stop() }
}
