import Foundation
import XCTest

@testable import GitformCore

/// The scene of the fault-injection suite: an emulator (optionally failing a share of requests
/// and rate limiting them) with user `alice`, group `team` and project `team/app`, and the built
/// `gitform` in a scratch directory.
///
/// Every check is made through the emulator's own routes, never through gitform, and retried
/// past the emulator's seeded failures: the faults are for gitform, not for the referee.
final class FaultScene {
  let fixture: EmulatorFixture
  let gitform: GitformProcess
  let aliceID: Int
  let groupID: Int
  let projectID: Int
  /// Every token value any state held during the test, for the final secret scan.
  private(set) var issued: Set<String> = []

  init(failRate: Double = 0, rateLimitPerMinute: Int? = nil, environment: [String: String] = [:]) throws {
    _ = try GitformProcess.executableURL()
    fixture = try EmulatorFixture(
      rateLimitPerMinute: rateLimitPerMinute, failRate: failRate, failSeed: 20261207, realClock: true)
    let referee = FaultScene.Referee(fixture: fixture)
    aliceID = try referee.create("/api/v4/users", [
      "username": "alice", "name": "Alice", "email": "alice@example.com", "password": "correct-horse-battery",
    ])
    groupID = try referee.create("/api/v4/groups", ["name": "Team", "path": "team"])
    projectID = try referee.create("/api/v4/projects", ["name": "app", "path": "app", "namespace_id": groupID])
    // No GITFORM_NOW: both clocks are the real one here.
    gitform = try .inTemporaryDirectory("faults", against: fixture, now: nil, extraEnvironment: environment)
  }

  /// A date `days` from today, as `expires_at` takes it (the emulator's clock is the real one).
  static func date(inDays days: Int) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter.string(from: Date().addingTimeInterval(Double(days) * 86_400))
  }

  /// Stops the emulator and, after checking that no output or file beside the state ever held
  /// a token value, removes the directory.
  func finish(file: StaticString = #filePath, line: UInt = #line) {
    collectIssued()
    gitform.assertNeverShown(issued, file: file, line: line)
    fixture.stop()
    gitform.remove()
  }

  func write(_ configuration: String) throws { try gitform.write("main.gf.hcl", configuration) }

  /// `gitform apply -auto-approve -no-color`, whatever its outcome.
  @discardableResult
  func apply() throws -> GitformProcess.Result {
    defer { collectIssued() }
    return try gitform.run(["apply", "-auto-approve", "-no-color"])
  }

  /// Applies until a run succeeds, at most `runs` times; fails the test when none did.
  @discardableResult
  func applyUntilSuccess(runs: Int, file: StaticString = #filePath, line: UInt = #line) throws -> Int {
    var last: GitformProcess.Result?
    for run in 1...runs {
      let result = try apply()
      try assertStateReadable(file: file, line: line)
      if result.status == 0 { return run }
      last = result
    }
    XCTFail("no apply succeeded in \(runs) runs:\n\(last.map { $0.standardOutput + $0.standardError } ?? "")", file: file, line: line)
    return runs
  }

  func plan() throws -> GitformProcess.Result {
    try gitform.run(["plan", "-no-color", "-detailed-exitcode"])
  }

  private func collectIssued() {
    if let values = try? gitform.tokenValuesInState() { issued.formUnion(values) }
  }

  // MARK: - State

  /// The state file parses and is a v4 state: a failed run never loses or corrupts it.
  func assertStateReadable(file: StaticString = #filePath, line: UInt = #line) throws {
    let url = gitform.directory.appendingPathComponent("gitform.tfstate")
    guard FileManager.default.fileExists(atPath: url.path) else { return }
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
    XCTAssertEqual(json?["version"] as? Int, 4, "the state file is readable", file: file, line: line)
  }

  /// Every instance in the state: address (`type.name[key]`) → attributes, deposed ones apart.
  func instances() throws -> (current: [String: [String: Any]], deposed: [[String: Any]]) {
    let url = gitform.directory.appendingPathComponent("gitform.tfstate")
    guard let data = FileManager.default.contents(atPath: url.path) else { return ([:], []) }
    let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    var current: [String: [String: Any]] = [:]
    var deposed: [[String: Any]] = []
    for resource in json["resources"] as? [[String: Any]] ?? [] where resource["mode"] as? String == "managed" {
      let base = "\(resource["type"] ?? "").\(resource["name"] ?? "")"
      for instance in resource["instances"] as? [[String: Any]] ?? [] {
        let attributes = instance["attributes"] as? [String: Any] ?? [:]
        if instance["deposed"] != nil {
          deposed.append(attributes)
          continue
        }
        let key = instance["index_key"].map { "[\"\($0)\"]" } ?? ""
        current[base + key] = attributes
      }
    }
    return (current, deposed)
  }

  // MARK: - The referee: the emulator's view, read past its own seeded failures

  var referee: Referee { Referee(fixture: fixture) }

  struct Referee {
    let fixture: EmulatorFixture

    /// Sends a request as root (or `token`), again while the emulator answers 429 (for up to
    /// a rate-limit window) or 5xx (up to 40 times).
    func send(
      _ method: GitLabRequest.Method, _ path: String, _ body: [String: Any]? = nil,
      token: String = EmulatorFixture.rootToken
    ) throws -> (status: Int, json: Any?) {
      // Longer than the emulator's one-minute rate-limit window, which gitform may have used up.
      let limitedUntil = Date().addingTimeInterval(65)
      var failures = 0
      while true {
        let answer = try fixture.raw(method, path, body, token: token)
        if answer.status == 429, Date() < limitedUntil {
          Thread.sleep(forTimeInterval: 1)
        } else if [500, 502, 503].contains(answer.status), failures < 40 {
          failures += 1
          Thread.sleep(forTimeInterval: 0.01)
        } else if [429, 500, 502, 503].contains(answer.status) {
          // A failure, not a skip: a referee that cannot read the emulator checks nothing.
          throw RefereeError.emulatorKeptFailing("\(method) \(path)", status: answer.status)
        } else {
          return answer
        }
      }
    }

    /// Creates through the API and returns the new object's id.
    func create(_ path: String, _ body: [String: Any]) throws -> Int {
      let answer = try send(.post, path, body)
      XCTAssertEqual(answer.status, 201, "\(path): \(String(describing: answer.json))")
      return try XCTUnwrap((answer.json as? [String: Any])?["id"] as? Int)
    }

    /// All pages of a list route.
    func pages(_ path: String) throws -> [[String: Any]] {
      var all: [[String: Any]] = []
      for page in 1...50 {
        let answer = try send(.get, path + (path.contains("?") ? "&" : "?") + "per_page=100&page=\(page)")
        let items = answer.json as? [[String: Any]] ?? []
        all += items
        if items.count < 100 { break }
      }
      return all
    }

    /// The active (neither revoked nor expired) tokens of a list, counted by name.
    static func activeByName(_ tokens: [[String: Any]]) -> [String: [Int]] {
      var byName: [String: [Int]] = [:]
      for token in tokens where token["active"] as? Bool == true {
        byName[token["name"] as? String ?? "", default: []].append(token["id"] as? Int ?? 0)
      }
      return byName
    }

    /// Whether `value` authenticates against GitLab right now.
    func works(_ value: String) throws -> Bool {
      try send(.get, "/api/v4/personal_access_tokens/self", token: value).status == 200
    }
  }
}

/// Why the referee could not read the emulator's view.
enum RefereeError: Error, CustomStringConvertible {
  case emulatorKeptFailing(String, status: Int)

  var description: String {
    switch self {
    case .emulatorKeptFailing(let request, let status):
      return "the emulator kept failing \(request) (last answer \(status)) past the referee's retries"
    }
  }
}
