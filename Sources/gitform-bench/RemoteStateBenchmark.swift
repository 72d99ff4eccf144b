import Foundation
import GitLabEmulator
import GitformCore

/// Issue 11's figure: `gitform apply` of 1,000 tokens with GitLab-managed state at 20 ms
/// latency — the uploads of the state (the emulator counts them) and the time, next to the same
/// apply with the local state file. Floor: remote no more than 2× local.
///
/// Both run the whole command in process (`CommandLineInterface.run`), against a fresh emulator
/// each, so the only difference is where the state lives.
enum RemoteStateBenchmark {
  static let tokens = 1_000
  static let latency = 20

  static func run() -> [BenchmarkRow] {
    do {
      let local = try apply(remote: false)
      let remote = try apply(remote: true)
      let ratio = remote.seconds / max(local.seconds, 0.001)
      return [
        BenchmarkRow(name: "apply \(tokens) tokens, local state, \(latency) ms latency", value: local.seconds, unit: "s"),
        BenchmarkRow(
          name: "apply \(tokens) tokens, GitLab-managed state, \(latency) ms latency", value: remote.seconds,
          unit: "s", note: String(format: "%.2f× local; floor 2×", ratio)),
        BenchmarkRow(
          name: "apply \(tokens) tokens, state uploads", value: Double(remote.uploads), unit: "uploads",
          note: "\(remote.locks) lock, \(remote.unlocks) unlock"),
      ]
    } catch {
      return [BenchmarkRow(name: "remote-state", value: 0, unit: "-", note: "failed: \(error)")]
    }
  }

  struct Outcome {
    var seconds: Double
    var uploads: Int
    var locks: Int
    var unlocks: Int
  }

  static func apply(remote: Bool) throws -> Outcome {
    var configuration = EmulatorConfiguration()
    configuration.latencyMilliseconds = latency
    let emulator = try RunningEmulator(configuration: configuration)
    defer { emulator.stop() }
    let api = EmulatorAPI(root: emulator.rootURL, token: EngineBenchmark.rootToken)
    let owners = try (0..<10).map { index in
      try api.create(
        "/api/v4/users",
        ["username": "applier\(index)", "name": "applier\(index)", "email": "applier\(index)@example.com",
         "password": "correct-horse-battery"])
    }
    let group = try api.create("/api/v4/groups", ["name": "team", "path": "team"])
    _ = try api.create("/api/v4/projects", ["name": "app", "path": "app", "namespace_id": group])
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gitform-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let backend = remote ? "gitform {\n  backend \"gitlab\" {\n    project = \"team/app\"\n    name    = \"production\"\n  }\n}\n\n" : ""
    let source = backend + "resource \"user_token\" \"t\" {\n  count      = \(tokens)\n  user_id    = [\(owners.map(String.init).joined(separator: ", "))][count.index % 10]\n  name       = \"t${count.index}\"\n  scopes     = [\"read_api\"]\n  expires_at = \"2027-06-01\"\n}\n"
    try source.write(to: directory.appendingPathComponent("main.gf.hcl"), atomically: true, encoding: .utf8)
    _ = try api.send("DELETE", "/-/emulator/stats")
    let errors = EngineBenchmark.Box()
    let context = CommandContext(
      standardOutput: { _ in }, standardError: { text in errors.data = (errors.data ?? Data()) + Data(text.utf8) },
      environment: ["GITLAB_BASE_URL": emulator.baseURL.absoluteString, "GITLAB_TOKEN": EngineBenchmark.rootToken],
      workingDirectory: directory.path)
    var code: Int32 = 0
    let seconds = BenchmarkTable.time {
      code = CommandLineInterface().run(["apply", "-auto-approve", "-no-color"], context: context)
    }
    guard code == 0 else {
      throw EngineBenchmark.BenchmarkFailure("apply exited \(code): \(String(decoding: errors.data ?? Data(), as: UTF8.self).prefix(300))")
    }
    let stats = try api.send("GET", "/-/emulator/stats").json as? [String: Any]
    let routes = stats?["routes"] as? [String: Any] ?? [:]
    func count(_ route: String) -> Int { routes[route] as? Int ?? 0 }
    let base = "/api/v4/projects/:id/terraform/state/:name"
    return Outcome(
      seconds: seconds, uploads: count("POST " + base), locks: count("POST " + base + "/lock"),
      unlocks: count("DELETE " + base + "/lock"))
  }
}
