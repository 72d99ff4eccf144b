import Foundation
#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif
import GitLabEmulator

/// Issue 9's soak: ten rounds of `apply` and `destroy` of 500 tokens (five owners) by the built
/// `gitform` binary, as whole processes, against an emulator failing 10 % of all requests.
/// Each command is run again until it succeeds (at most five times). After every apply: no
/// token name with two active tokens (a duplicate), every managed token active and in the state
/// (nothing lost); after every destroy: no active token left. Peak memory is per process, so
/// a leak across rounds would show as a rising column.
enum SoakBenchmark {
  static let rootToken = "glpat-emulator-root-token"
  static let tokens = 500
  static let owners = 5

  static func run() -> [BenchmarkRow] {
    do {
      return try soak(rounds: 10)
    } catch {
      return [BenchmarkRow(name: "soak", value: 0, unit: "-", note: "failed: \(error)")]
    }
  }

  static func soak(rounds: Int) throws -> [BenchmarkRow] {
    let executable = try gitformExecutable()
    var configuration = EmulatorConfiguration()
    configuration.failRate = 0.1
    configuration.failSeed = 9
    let emulator = try RunningEmulator(configuration: configuration)
    defer { emulator.stop() }
    let api = EmulatorAPI(root: emulator.rootURL, token: rootToken)
    let ownerIDs = try (0..<owners).map { index -> Int in
      try api.create("/api/v4/users", [
        "username": "soak\(index)", "name": "Soak \(index)", "email": "soak\(index)@example.com",
        "password": "correct-horse-battery",
      ])
    }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gitform-soak-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try source(ownerIDs).write(to: directory.appendingPathComponent("main.gf.hcl"), atomically: true, encoding: .utf8)
    let environment = [
      "GITLAB_BASE_URL": emulator.baseURL.absoluteString, "GITLAB_TOKEN": rootToken, "NO_COLOR": "1",
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
    ]
    var rows: [BenchmarkRow] = []
    var duplicates = 0
    var lost = 0
    var peaks: [Int] = []
    for round in 1...rounds {
      let applied = try untilSuccess(executable, ["apply", "-auto-approve", "-no-color"], directory.path, environment)
      let live = try api.activeTokens(ownerIDs)
      let managed = try managedTokenIDs(directory)
      duplicates += live.values.filter { $0.count > 1 }.count
      lost += managed.count == tokens ? 0 : tokens - managed.count
      lost += live.values.flatMap { $0 }.filter { !managed.contains($0) }.count
      let destroyed = try untilSuccess(executable, ["destroy", "-auto-approve", "-no-color"], directory.path, environment)
      let left = try api.activeTokens(ownerIDs).values.flatMap { $0 }.count
      lost += left
      peaks.append(max(applied.peak, destroyed.peak))
      rows.append(BenchmarkRow(
        name: "soak round \(round): apply + destroy \(tokens) tokens, 10 % faults",
        value: applied.seconds + destroyed.seconds, unit: "s",
        note: "runs \(applied.runs)+\(destroyed.runs), peak \(megabytes(peaks.last ?? 0)) MB, \(left) left active"))
    }
    rows.append(BenchmarkRow(name: "soak duplicates (two active tokens of one resource)", value: Double(duplicates), unit: "tokens", note: "must be 0"))
    rows.append(BenchmarkRow(name: "soak lost (active but unmanaged, or managed but missing)", value: Double(lost), unit: "tokens", note: "must be 0"))
    let growth = peaks.count > 1 ? Double(peaks.last! - peaks.first!) / Double(max(peaks.first!, 1)) * 100 : 0
    rows.append(BenchmarkRow(name: "soak peak memory, last round vs first", value: growth, unit: "%",
                             note: "\(megabytes(peaks.first ?? 0)) MB → \(megabytes(peaks.last ?? 0)) MB"))
    return rows
  }

  private static func source(_ ownerIDs: [Int]) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd"
    let expiry = formatter.string(from: Date().addingTimeInterval(60 * 86_400))
    return """
      resource "user_token" "t" {
        count      = \(tokens)
        user_id    = [\(ownerIDs.map(String.init).joined(separator: ", "))][count.index % \(owners)]
        name       = "soak-${count.index}"
        scopes     = ["read_api"]
        expires_at = "\(expiry)"
      }

      """
  }

  /// Runs a gitform command until it exits 0, at most five times.
  private static func untilSuccess(
    _ executable: String, _ arguments: [String], _ directory: String, _ environment: [String: String]
  ) throws -> (runs: Int, seconds: Double, peak: Int) {
    var seconds = 0.0
    var peak = 0
    for run in 1...5 {
      let outcome = try ChildProcess(
        executable: executable, arguments: arguments, directory: directory, environment: environment
      ).run()
      seconds += outcome.seconds
      peak = max(peak, outcome.peakMemoryBytes)
      if outcome.status == 0 { return (run, seconds, peak) }
    }
    throw ChildProcessError("gitform \(arguments[0]) failed five times in a row")
  }

  /// The `token_id`s of the managed tokens in the state.
  private static func managedTokenIDs(_ directory: URL) throws -> Set<Int> {
    let data = try Data(contentsOf: directory.appendingPathComponent("gitform.tfstate"))
    let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    var ids: Set<Int> = []
    for resource in json?["resources"] as? [[String: Any]] ?? [] {
      for instance in resource["instances"] as? [[String: Any]] ?? [] where instance["deposed"] == nil {
        if let id = (instance["attributes"] as? [String: Any])?["token_id"] as? Int { ids.insert(id) }
      }
    }
    return ids
  }

  /// The `gitform` binary built beside this benchmark.
  private static func gitformExecutable() throws -> String {
    let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    let candidate = here.appendingPathComponent("gitform").path
    guard FileManager.default.isExecutableFile(atPath: candidate) else {
      throw ChildProcessError("gitform is not built beside gitform-bench (swift build -c release)")
    }
    return candidate
  }

  private static func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_048_576) }
}
