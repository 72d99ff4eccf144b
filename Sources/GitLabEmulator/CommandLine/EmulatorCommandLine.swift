// CommandLine/ — turns `gitlab-emulator`'s arguments into an EmulatorConfiguration.
//
// For: flag syntax (Go/Terraform style: `-flag value`, `-flag=value`, one or two dashes),
// value validation with clear messages, and the help text.
// Not for: starting anything. The executable's main.swift runs the server; this folder only
// parses, so that every message can be tested without a process.

import Foundation
import Glibc

/// The emulator's command line: `gitlab-emulator [-host 127.0.0.1] [-port N] [-root-token T]
/// [-data FILE] [-latency-ms N] [-fail-rate P] [-fail-seed S] [-rate-limit N] [-now RFC3339]`.
public enum EmulatorCommandLine {
  /// What the arguments ask for.
  public enum Outcome: Equatable {
    /// Start the emulator with this configuration.
    case run(EmulatorConfiguration)
    /// Print `usage` on stdout and exit 0.
    case help
    /// Print the message and a hint on stderr and exit 1.
    case failure(String)
  }

  public static let usage = """
    Usage: gitlab-emulator [flags]

    Serves GitLab's REST API (users with their SSH keys and e-mails, service accounts,
    access tokens, projects and groups with renames and transfers, CI/CD variables,
    Terraform state, merge requests and their notes, CI job tokens) from memory over
    HTTP on loopback, for tests and demonstrations. When ready it prints
    "gitlab-emulator listening on http://HOST:PORT"; clients use http://HOST:PORT/api/v4.

    Flags:
      -host ADDRESS     IP address to bind (default 127.0.0.1)
      -port N           port to listen on; 0 picks a free one (default 0)
      -root-token T     token of user 1, root, an administrator
                        (default glpat-emulator-root-token; required, and not that
                        value, when -host is not a loopback address)
      -data FILE        load everything from FILE at start, save it after every change
      -latency-ms N     delay every API response by N milliseconds (default 0)
      -fail-rate P      fail this fraction (0 to 1) of API requests with 500, 502 or 503
                        (default 0)
      -fail-seed S      seed of -fail-rate, so that failures are reproducible (default 1)
      -rate-limit N     API requests per minute per token; 0 means unlimited (default 0)
      -now RFC3339      set the emulator's clock to this time, e.g. 2026-01-31T12:00:00Z;
                        it then stands still until POST /-/emulator/clock moves it
                        (default: the real time)
      -help             show this help

    """

  /// Parses the arguments that follow the program name.
  public static func parse(_ arguments: [String]) -> Outcome {
    var configuration = EmulatorConfiguration()
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      guard argument.hasPrefix("-"), argument != "-", argument != "--" else {
        return .failure("unexpected argument \(quoted(argument)); gitlab-emulator takes only flags")
      }
      let body = argument.hasPrefix("--") ? argument.dropFirst(2) : argument.dropFirst()
      let name: String
      var value: String?
      if let equals = body.firstIndex(of: "=") {
        name = String(body[..<equals])
        value = String(body[body.index(after: equals)...])
      } else {
        name = String(body)
      }
      if ["help", "h"].contains(name) {
        guard value == nil else { return .failure("flag -\(name) takes no value") }
        return .help
      }
      guard let flag = Flag(rawValue: name) else {
        return .failure("flag provided but not defined: -\(name)")
      }
      if value == nil {
        guard index < arguments.count else { return .failure("flag needs an argument: -\(name)") }
        value = arguments[index]
        index += 1
      }
      if let problem = flag.apply(value ?? "", to: &configuration) {
        return .failure("invalid value \(quoted(value ?? "")) for flag -\(name): \(problem)")
      }
    }
    if let problem = exposureProblem(configuration) { return .failure(problem) }
    return .run(configuration)
  }

  /// The default root token is printed in this help text and in every example: on an address
  /// other machines can reach, it would make anyone who connects an administrator.
  static func exposureProblem(_ configuration: EmulatorConfiguration) -> String? {
    guard !isLoopback(configuration.host),
      configuration.rootToken == EmulatorConfiguration().rootToken
    else { return nil }
    return "refusing to listen on \(configuration.host) with the well-known default root token: "
      + "anyone who can reach that address would be an administrator; pass -root-token with a "
      + "secret value (or bind 127.0.0.1)"
  }

  /// 127.0.0.0/8, ::1 and IPv4-mapped loopback.
  static func isLoopback(_ host: String) -> Bool {
    var v4 = in_addr()
    if inet_pton(AF_INET, host, &v4) == 1 { return UInt32(bigEndian: v4.s_addr) >> 24 == 127 }
    let lower = host.lowercased()
    if lower.hasPrefix("::ffff:") { return isLoopback(String(lower.dropFirst(7))) }
    var v6 = in6_addr()
    guard inet_pton(AF_INET6, host, &v6) == 1 else { return false }
    let bytes = withUnsafeBytes(of: &v6) { Array($0) }
    return bytes.dropLast().allSatisfy { $0 == 0 } && bytes.last == 1
  }

  /// A value in double quotes, for messages.
  static func quoted(_ text: String) -> String { "\"\(text)\"" }
}
