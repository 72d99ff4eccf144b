import Foundation
import GitLabEmulator

/// The engine's figures as a user sees them (issue 10): the built `gitform` binary run as a
/// whole process — start-up, configuration, state and output included — the median of several
/// runs, with its peak memory. Plan and validate of 10,000 resources, refresh of 1,000 tokens of
/// 10 users at 20 ms latency, apply of 1,000 creates. The emulator runs in this process.
///
/// `GITFORM_BENCH_BASELINE=/path/to/other/gitform` measures that binary too, run for run in turn
/// with this one (A B A B ...), so that a change is compared with main on the same machine
/// state; its rows end in "(baseline)".
enum ProcessBenchmark {
  static let rootToken = "glpat-emulator-root-token"
  static let runs = 5

  static func run() -> [BenchmarkRow] {
    do {
      var executables = [try gitformExecutable()]
      if let baseline = ProcessInfo.processInfo.environment["GITFORM_BENCH_BASELINE"], !baseline.isEmpty {
        guard FileManager.default.isExecutableFile(atPath: baseline) else {
          throw ChildProcessError("GITFORM_BENCH_BASELINE \(baseline) is not an executable")
        }
        executables.append(baseline)
      }
      return try planAndValidate(executables, resources: 10_000) + tokens(executables, count: 1_000, users: 10)
    } catch {
      return [BenchmarkRow(name: "process", value: 0, unit: "-", note: "failed: \(error)")]
    }
  }

  /// `plan -refresh=false` and `validate` of `resources` project variables (no GitLab request).
  static func planAndValidate(_ executables: [String], resources: Int) throws -> [BenchmarkRow] {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    var source = ""
    for index in 0..<resources {
      source += "resource \"project_variable\" \"v\(index)\" {\n  project = \"team/app\"\n  key     = \"KEY_\(index)\"\n  value   = \"value-\(index)\"\n}\n\n"
    }
    try source.write(to: directory.appendingPathComponent("main.gf.hcl"), atomically: true, encoding: .utf8)
    let environment = baseEnvironment(baseURL: "http://127.0.0.1:9/api/v4")
    let plan = try measure(executables, ["plan", "-refresh=false", "-no-color"], [directory], environment)
    let validate = try measure(executables, ["validate", "-no-color"], [directory], environment)
    return rows("plan \(resources) resources -refresh=false", plan, target: "target 0.6 s, 120 MiB")
      + rows("validate \(resources) resources", validate, target: "target 0.3 s")
  }

  /// Refresh (`plan`) of `count` tokens at 20 ms latency, and apply of `count` creates.
  static func tokens(_ executables: [String], count: Int, users: Int) throws -> [BenchmarkRow] {
    var slow = EmulatorConfiguration()
    slow.latencyMilliseconds = 20
    let refreshed = try RunningEmulator(configuration: slow)
    defer { refreshed.stop() }
    let applied = try RunningEmulator(configuration: EmulatorConfiguration())
    defer { applied.stop() }

    let refreshDirectory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(at: refreshDirectory) }
    let refreshEnvironment = baseEnvironment(baseURL: refreshed.baseURL.absoluteString)
    try tokenSource(count: count, owners: try owners(refreshed, users))
      .write(to: refreshDirectory.appendingPathComponent("main.gf.hcl"), atomically: true, encoding: .utf8)
    // The state of `count` tokens: made by gitform itself, not timed.
    let seeded = try ChildProcess(
      executable: executables[0], arguments: ["apply", "-auto-approve", "-no-color"], directory: refreshDirectory.path,
      environment: refreshEnvironment
    ).run()
    guard seeded.status == 0 else { throw ChildProcessError("seeding apply exited \(seeded.status)") }
    let refresh = try measure(executables, ["plan", "-no-color"], [refreshDirectory], refreshEnvironment)

    // One directory per binary: each apply starts from an empty state, `count` creates each time.
    let applyDirectories = try executables.map { _ in try scratchDirectory() }
    defer { for directory in applyDirectories { try? FileManager.default.removeItem(at: directory) } }
    let applyEnvironment = baseEnvironment(baseURL: applied.baseURL.absoluteString)
    let applySource = tokenSource(count: count, owners: try owners(applied, users))
    for directory in applyDirectories {
      try applySource.write(to: directory.appendingPathComponent("main.gf.hcl"), atomically: true, encoding: .utf8)
    }
    let apply = try measure(executables, ["apply", "-auto-approve", "-no-color"], applyDirectories, applyEnvironment) {
      directory in
      for name in ["gitform.tfstate", "gitform.tfstate.backup"] {
        try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
      }
    }
    return rows("refresh \(count) tokens of \(users) users, 20 ms latency", refresh, target: "target 0.4 s")
      + rows("apply \(count) creates", apply, target: "target 1.5 s")
  }

  // MARK: - Measuring

  /// Per binary, the median wall time and the largest peak memory of `runs` runs after one
  /// warm-up, the binaries taking turns run by run; `directories` has one for all or one per
  /// binary. A run that fails is an error, not a figure.
  static func measure(
    _ executables: [String], _ arguments: [String], _ directories: [URL], _ environment: [String: String],
    before: (URL) throws -> Void = { _ in }
  ) throws -> [(seconds: Double, peak: Int)] {
    var times = Array(repeating: [Double](), count: executables.count)
    var peaks = Array(repeating: 0, count: executables.count)
    for run in 0...runs {
      for (index, executable) in executables.enumerated() {
        let directory = directories[min(index, directories.count - 1)]
        try before(directory)
        let outcome = try ChildProcess(
          executable: executable, arguments: arguments, directory: directory.path, environment: environment
        ).run()
        guard outcome.status == 0 else {
          throw ChildProcessError("\(executable) \(arguments.joined(separator: " ")) exited \(outcome.status)")
        }
        if run == 0 { continue }
        times[index].append(outcome.seconds)
        peaks[index] = max(peaks[index], outcome.peakMemoryBytes)
      }
    }
    return zip(times, peaks).map { ($0.sorted()[$0.count / 2], $1) }
  }

  static func rows(_ name: String, _ figures: [(seconds: Double, peak: Int)], target: String) -> [BenchmarkRow] {
    figures.enumerated().flatMap { index, figure -> [BenchmarkRow] in
      let suffix = index == 0 ? "" : " (baseline)"
      return [
        BenchmarkRow(
          name: "process \(name)\(suffix)", value: figure.seconds, unit: "s",
          note: "median of \(runs)" + (index == 0 ? "; \(target)" : "")),
        BenchmarkRow(name: "process \(name) peak\(suffix)", value: Double(figure.peak) / 1_048_576, unit: "MiB"),
      ]
    }
  }

  // MARK: - Scene

  static func owners(_ emulator: RunningEmulator, _ count: Int) throws -> [Int] {
    let api = EmulatorAPI(root: emulator.rootURL, token: rootToken)
    return try (0..<count).map { index in
      try api.create("/api/v4/users", [
        "username": "owner\(index)", "name": "Owner \(index)", "email": "owner\(index)@example.com",
        "password": "correct-horse-battery",
      ])
    }
  }

  static func tokenSource(count: Int, owners: [Int]) -> String {
    """
    resource "user_token" "t" {
      count      = \(count)
      user_id    = [\(owners.map(String.init).joined(separator: ", "))][count.index % \(owners.count)]
      name       = "t${count.index}"
      scopes     = ["read_api"]
      expires_at = "2027-06-01"
    }

    """
  }

  static func baseEnvironment(baseURL: String) -> [String: String] {
    [
      "GITLAB_BASE_URL": baseURL, "GITLAB_TOKEN": rootToken, "NO_COLOR": "1",
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
    ]
  }

  static func scratchDirectory() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gitform-process-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }

  /// The `gitform` binary built beside this benchmark.
  static func gitformExecutable() throws -> String {
    let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    let candidate = here.appendingPathComponent("gitform").path
    guard FileManager.default.isExecutableFile(atPath: candidate) else {
      throw ChildProcessError("gitform is not built beside gitform-bench (swift build -c release)")
    }
    return candidate
  }
}
