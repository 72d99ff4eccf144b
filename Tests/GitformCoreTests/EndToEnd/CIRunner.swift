import Foundation
import XCTest

@testable import GitformCore

/// Runs a `CIPipeline` the way a GitLab runner does, against the emulator: each job in a new,
/// empty directory holding only the checkout and the artifacts of earlier stages of the same
/// pipeline; its `script` lines in `/bin/sh` with `set -e`; the CI variables GitLab predefines,
/// a CI job token from the emulator that stops working when the job ends, and `gitform` on
/// `PATH`. The directory is deleted when the job ends: nothing on disk outlives a job.
final class CIRunner {
  struct JobRun {
    var name: String
    var status: Int32
    /// stdout and stderr, interleaved as the job printed them.
    var log: String
    /// What the directory held when the script started.
    var startedWith: Set<String>
    /// Files left in the directory when the script ended.
    var endedWith: Set<String>
    /// The artifacts the job uploaded (`paths` and `reports`), by file name.
    var artifacts: [String: Data]
    /// Of those, the ones later stages download (`paths`).
    var passedOn: Set<String>
  }

  let fixture: EmulatorFixture
  let projectID: Int
  let projectPath: String
  /// CI/CD variables of the project (Settings > CI/CD > Variables): `GITLAB_TOKEN`.
  var projectVariables: [String: String]
  /// Every job run so far, of every pipeline.
  private(set) var history: [JobRun] = []
  private var pipelineCount = 0

  init(fixture: EmulatorFixture, projectID: Int, projectPath: String, projectVariables: [String: String]) {
    self.fixture = fixture
    self.projectID = projectID
    self.projectPath = projectPath
    self.projectVariables = projectVariables
  }

  /// The variables GitLab sets for a pipeline of `source` (`merge_request_event`, `push`,
  /// `schedule`) on `branch`, or on merge request `mergeRequest` from `branch`.
  func pipelineVariables(source: String, branch: String, mergeRequest: Int? = nil) -> [String: String] {
    pipelineCount += 1
    var variables = [
      "CI": "true", "GITLAB_CI": "true", "CI_SERVER_URL": fixture.emulator.rootURL.absoluteString,
      "CI_API_V4_URL": fixture.emulator.baseURL.absoluteString, "CI_PROJECT_ID": String(projectID),
      "CI_PROJECT_PATH": projectPath, "CI_DEFAULT_BRANCH": "main", "CI_PIPELINE_SOURCE": source,
      "CI_PIPELINE_ID": String(1000 + pipelineCount), "CI_COMMIT_REF_NAME": branch,
      "CI_COMMIT_SHA": String(repeating: String(format: "%02x", pipelineCount % 256), count: 20),
      "GITLAB_USER_LOGIN": "root",
    ]
    if let mergeRequest {
      variables["CI_MERGE_REQUEST_IID"] = String(mergeRequest)
      variables["CI_MERGE_REQUEST_SOURCE_BRANCH_NAME"] = branch
      variables["CI_MERGE_REQUEST_TARGET_BRANCH_NAME"] = "main"
    } else {
      variables["CI_COMMIT_BRANCH"] = branch
    }
    return variables
  }

  /// Runs every job `pipeline` admits for `variables`, stage after stage, on a checkout of
  /// `checkout` (file name → contents); stops after a stage with a failed job, as GitLab does.
  func run(_ pipeline: CIPipeline, _ variables: [String: String], checkout: [String: String]) throws -> [JobRun] {
    var runs: [JobRun] = []
    var artifacts: [String: Data] = [:]
    for stage in try pipeline.jobs(for: variables) {
      var uploaded: [String: Data] = [:]
      for job in stage {
        let run = try self.run(job, pipeline: pipeline, variables: variables, checkout: checkout, artifacts: artifacts)
        runs.append(run)
        uploaded.merge(run.artifacts.filter { run.passedOn.contains($0.key) }) { $1 }
      }
      artifacts.merge(uploaded) { $1 }
      if runs.contains(where: { $0.status != 0 }) { break }
    }
    return runs
  }

  private func run(
    _ job: CIPipeline.Job, pipeline: CIPipeline, variables: [String: String], checkout: [String: String],
    artifacts: [String: Data]
  ) throws -> JobRun {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gitform-ci-\(job.name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    for (name, text) in checkout { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
    for (name, data) in artifacts { try data.write(to: directory.appendingPathComponent(name)) }
    let startedWith = Set(try FileManager.default.contentsOfDirectory(atPath: directory.path))

    let started = try fixture.raw(.post, "/-/emulator/job_tokens", ["project_id": projectID, "user_id": 1])
    let jobToken = try XCTUnwrap(try fixture.field(started, "token") as? String)
    defer { _ = try? fixture.raw(.delete, "/-/emulator/job_tokens/\(jobToken)") }

    // GitLab expands the global variables into the job's environment; the shell does it here.
    func quoted(_ text: String) -> String {
      "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        .replacingOccurrences(of: "`", with: "\\`") + "\""
    }
    let exports = pipeline.variables.map { "export \($0.name)=\(quoted($0.value))" }
    let script = (["set -e"] + exports + job.script).joined(separator: "\n") + "\n"
    let scriptFile = FileManager.default.temporaryDirectory.appendingPathComponent("gitform-ci-script-\(UUID().uuidString).sh")
    try Data(script.utf8).write(to: scriptFile)
    defer { try? FileManager.default.removeItem(at: scriptFile) }

    var environment = variables.merging(projectVariables) { $1 }
    environment["CI_JOB_TOKEN"] = jobToken
    environment["CI_JOB_NAME"] = job.name
    environment["CI_JOB_STAGE"] = job.stage
    environment["CI_PROJECT_DIR"] = directory.path
    environment["HOME"] = directory.path
    environment["PATH"] = try GitformProcess.executableURL().deletingLastPathComponent().path + ":/usr/bin:/bin"

    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = [scriptFile.path]
    process.currentDirectoryURL = directory
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let log = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()

    let endedWith = Set(try FileManager.default.contentsOfDirectory(atPath: directory.path))
    var uploaded: [String: Data] = [:]
    if process.terminationStatus == 0 {
      for name in job.artifacts + job.reports {
        if let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) {
          uploaded[name] = data
        }
      }
    }
    let run = JobRun(
      name: job.name, status: process.terminationStatus, log: log, startedWith: startedWith,
      endedWith: endedWith, artifacts: uploaded, passedOn: Set(job.artifacts))
    history.append(run)
    return run
  }
}
