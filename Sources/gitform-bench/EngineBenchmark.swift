import Foundation
#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif
import GitLabEmulator
import GitformCore

/// The engine's figures (issue 4): plan of 1,000 and 10,000 resources without refresh, refresh
/// of 1,000 tokens of 10 users at 20 ms latency (requests and time), apply of 1,000 creates.
/// Everything runs in process against the in-process emulator; only the engine is measured.
enum EngineBenchmark {
  static let rootToken = "glpat-emulator-root-token"

  static func run() -> [BenchmarkRow] {
    do {
      var rows: [BenchmarkRow] = []
      rows += try planWithoutRefresh(1_000)
      rows += try planWithoutRefresh(10_000)
      rows += try planLocals(10_000)
      rows += try refresh(tokens: 1_000, users: 10)
      rows += try apply(creates: 1_000)
      return rows
    } catch {
      return [BenchmarkRow(name: "engine", value: 0, unit: "-", note: "failed: \(error)")]
    }
  }

  // MARK: - Scene

  final class Scene {
    let emulator: RunningEmulator
    let resources: ResourceContext

    init(latency: Int = 0) throws {
      var configuration = EmulatorConfiguration()
      configuration.latencyMilliseconds = latency
      emulator = try RunningEmulator(configuration: configuration)
      let connection = try GitLabConnection(
        baseURL: emulator.baseURL.absoluteString, token: SecretValue(EngineBenchmark.rootToken),
        clientVersion: "bench")
      resources = ResourceContext(client: try GitLabClient(connection: connection), now: Date())
    }

    func user(_ name: String) throws -> Int {
      let url = emulator.baseURL.appendingPathComponent("users")
      var request = URLRequest(url: url)
      request.httpMethod = "POST"
      request.setValue(EngineBenchmark.rootToken, forHTTPHeaderField: "PRIVATE-TOKEN")
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
      request.httpBody = try JSONSerialization.data(withJSONObject: [
        "username": name, "name": name, "email": "\(name)@example.com", "password": "correct-horse-battery",
      ])
      let semaphore = DispatchSemaphore(value: 0)
      let box = Box()
      URLSession.shared.dataTask(with: request) { data, _, _ in
        box.data = data
        semaphore.signal()
      }.resume()
      semaphore.wait()
      let object = try JSONSerialization.jsonObject(with: box.data ?? Data()) as? [String: Any]
      guard let id = object?["id"] as? Int else { throw BenchmarkFailure("could not create user \(name)") }
      return id
    }

    /// API requests the emulator counted since start or the last reset.
    func requests(reset: Bool = false) throws -> Int {
      var request = URLRequest(url: emulator.rootURL.appendingPathComponent("-/emulator/stats"))
      request.setValue(EngineBenchmark.rootToken, forHTTPHeaderField: "PRIVATE-TOKEN")
      request.httpMethod = reset ? "DELETE" : "GET"
      let semaphore = DispatchSemaphore(value: 0)
      let box = Box()
      URLSession.shared.dataTask(with: request) { data, _, _ in
        box.data = data
        semaphore.signal()
      }.resume()
      semaphore.wait()
      if reset { return 0 }
      let object = try JSONSerialization.jsonObject(with: box.data ?? Data()) as? [String: Any]
      return object?["total"] as? Int ?? -1
    }

    func stop() { emulator.stop() }
  }

  final class Box: @unchecked Sendable { var data: Data? }

  struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
  }

  /// Loads `source` as one configuration file and plans it against `state`.
  static func plan(
    _ source: String, state: StateSnapshot, resources: ResourceContext, refresh: Bool
  ) throws -> (Plan, Configuration, ConfigGraph, EvalContext) {
    let (configuration, diagnostics) = ConfigLoader.decode(files: [("main.gf.hcl", Array(source.utf8))], directory: ".")
    guard !diagnostics.hasErrors else { throw BenchmarkFailure("configuration: \(diagnostics[0].summary)") }
    let (graph, graphDiagnostics) = ConfigGraph.build(configuration)
    guard !graphDiagnostics.hasErrors else { throw BenchmarkFailure("graph") }
    let context = EvalContext(clock: .system, mode: .plan)
    var options = PlanOptions()
    options.refresh = refresh
    let planner = Planner(
      configuration: configuration, graph: graph, variables: [:], evalContext: context,
      resourceContext: resources, options: options)
    let (plan, planDiagnostics) = planner.plan(state: state)
    guard let plan else { throw BenchmarkFailure("plan: \(planDiagnostics.first?.detail ?? "")") }
    return (plan, configuration, graph, context)
  }

  // MARK: - Suites

  static func planWithoutRefresh(_ count: Int) throws -> [BenchmarkRow] {
    let scene = try Scene()
    defer { scene.stop() }
    var source = ""
    for index in 0..<count {
      source += "resource \"project_variable\" \"v\(index)\" {\n  project = \"team/app\"\n  key     = \"KEY_\(index)\"\n  value   = \"value-\(index)\"\n}\n\n"
    }
    var text = ""
    let seconds = try BenchmarkTable.time {
      let (plan, _, _, _) = try plan(source, state: StateSnapshot(), resources: scene.resources, refresh: false)
      text = PlanRenderer().render(plan)
    }
    return [
      BenchmarkRow(
        name: "engine plan \(count) resources -refresh=false", value: seconds, unit: "s",
        note: "parse + graph + plan + render (\(text.utf8.count / 1024) KiB of plan text); floor 1 s for 10,000")
    ]
  }

  /// Locals must scale linearly (QA item 13: 10,000 took 15.9 s in debug): half flat, half a
  /// chain in which each local refers to the next, so the walk has thousands of levels.
  static func planLocals(_ count: Int) throws -> [BenchmarkRow] {
    let scene = try Scene()
    defer { scene.stop() }
    var source = "locals {\n"
    for index in 0..<count / 2 { source += "  flat\(index) = \(index)\n" }
    for index in 0..<count / 2 { source += "  chain\(index) = local.chain\(index + 1) + 1\n" }
    source += "  chain\(count / 2) = 0\n}\n\noutput \"last\" {\n  value = local.chain0\n}\n"
    let seconds = try BenchmarkTable.time {
      _ = try plan(source, state: StateSnapshot(), resources: scene.resources, refresh: false)
    }
    return [
      BenchmarkRow(
        name: "engine plan \(count) locals -refresh=false", value: seconds, unit: "s",
        note: "half flat, half one chain of references; linear (was quadratic)")
    ]
  }

  static func refresh(tokens: Int, users: Int) throws -> [BenchmarkRow] {
    let scene = try Scene(latency: 20)
    defer { scene.stop() }
    let owners = try (0..<users).map { try scene.user("owner\($0)") }
    let type = UserToken()
    let created = ParallelWork.run(tokens, limit: 20) { index -> Value? in
      let object = Value.object(
        type.schema,
        [
          "user_id": .number(owners[index % users]), "name": .string("t\(index)"),
          "scopes": .stringSet(["read_api"]), "description": .string(""),
        ])
      return try? type.create(object, context: scene.resources)
    }
    var state = StateSnapshot()
    for (index, value) in created.enumerated() {
      guard let value else { throw BenchmarkFailure("seeding token \(index) failed") }
      state.objects[InstanceAddress(resource: ResourceAddress(type: "user_token", name: "t"), key: .int(index))] = StateObject(value: value)
    }
    _ = try scene.requests(reset: true)
    var source = "resource \"user_token\" \"t\" {\n  count   = \(tokens)\n  user_id = [\(owners.map(String.init).joined(separator: ", "))][count.index % \(users)]\n  name    = \"t${count.index}\"\n  scopes  = [\"read_api\"]\n}\n"
    source += ""
    var changes = 0
    let seconds = try BenchmarkTable.time {
      let (plan, _, _, _) = try plan(source, state: state, resources: scene.resources, refresh: true)
      changes = plan.actions.count
    }
    let requests = try scene.requests()
    return [
      BenchmarkRow(name: "engine refresh \(tokens) tokens of \(users) users, 20 ms latency", value: seconds, unit: "s", note: "\(changes) changes planned"),
      BenchmarkRow(name: "engine refresh requests", value: Double(requests), unit: "requests", note: "floor: under 50"),
    ]
  }

  static func apply(creates: Int) throws -> [BenchmarkRow] {
    let scene = try Scene()
    defer { scene.stop() }
    let owners = try (0..<10).map { try scene.user("applier\($0)") }
    let source = "resource \"user_token\" \"t\" {\n  count   = \(creates)\n  user_id = [\(owners.map(String.init).joined(separator: ", "))][count.index % 10]\n  name    = \"t${count.index}\"\n  scopes  = [\"read_api\"]\n  expires_at = \"2027-06-01\"\n}\n"
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gitform-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    var store = StateStore(path: directory.appendingPathComponent("gitform.tfstate").path, writerVersion: "bench")
    let state = try store.load()
    var added = 0
    let seconds = try BenchmarkTable.time {
      let (plan, configuration, graph, context) = try plan(source, state: StateSnapshot(), resources: scene.resources, refresh: true)
      let journal = try store.beginJournal(for: state)
      let result = Applier(
        plan: plan, configuration: configuration, graph: graph, variables: [:], evalContext: context,
        resourceContext: scene.resources, parallelism: 10, record: { try journal.append($0) },
        observe: { _ in }
      ).apply()
      _ = try store.finish(journal, state: StateBridge.apply(result.state, to: state, schemas: ResourceCatalog.standard.schema(of:)))
      added = result.added
      if !result.diagnostics.isEmpty { throw BenchmarkFailure("apply: \(result.diagnostics[0].detail)") }
    }
    return [
      BenchmarkRow(name: "engine apply \(creates) creates", value: seconds, unit: "s", note: "\(added) added, journaled; floor 10 s")
    ]
  }
}
