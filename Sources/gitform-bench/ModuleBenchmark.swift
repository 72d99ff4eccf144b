import Foundation
import GitformCore

/// Issue 13's module figure: a module called with `for_each` over 100 keys, holding one
/// resource, plans within 20 % of the same 100 resources written flat. Both are loaded from
/// disk (the module's folder must be read), walked, planned without refresh and rendered;
/// each figure is the median of 25 runs, since one run takes milliseconds.
enum ModuleBenchmark {
  static let instances = 100
  static let runs = 25

  static func run() -> [BenchmarkRow] {
    do {
      let scene = try EngineBenchmark.Scene()
      defer { scene.stop() }
      let flat = try median(directory: try write(modular: false), scene: scene)
      let modular = try median(directory: try write(modular: true), scene: scene)
      let ratio = modular / max(flat, 1e-9)
      return [
        BenchmarkRow(
          name: "engine plan \(instances) resources written flat -refresh=false", value: flat, unit: "s",
          note: "load + graph + plan + render, median of \(runs)"),
        BenchmarkRow(
          name: "engine plan \(instances)-instance module -refresh=false", value: modular, unit: "s",
          note: String(format: "module for_each over %d keys, one resource each; %.2f× flat (limit 1.20×)", instances, ratio)),
      ]
    } catch {
      return [BenchmarkRow(name: "modules", value: 0, unit: "-", note: "failed: \(error)")]
    }
  }

  /// A fresh folder with the configuration; the module variant has `modules/one/`.
  static func write(modular: Bool) throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gitform-bench-modules-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("modules/one"), withIntermediateDirectories: true)
    var root = ""
    if modular {
      let module = """
        variable "key" {
          type = string
        }

        resource "project_variable" "v" {
          project = "team/app"
          key     = "KEY_${var.key}"
          value   = "value-${var.key}"
        }

        """
      try Data(module.utf8).write(to: directory.appendingPathComponent("modules/one/main.gf.hcl"))
      let keys = (0..<instances).map { "\"\($0)\"" }.joined(separator: ", ")
      root = "module \"one\" {\n  source   = \"./modules/one\"\n  for_each = toset([\(keys)])\n  key      = each.key\n}\n"
    } else {
      for index in 0..<instances {
        root += "resource \"project_variable\" \"v\(index)\" {\n  project = \"team/app\"\n  key     = \"KEY_\(index)\"\n  value   = \"value-\(index)\"\n}\n\n"
      }
    }
    try Data(root.utf8).write(to: directory.appendingPathComponent("main.gf.hcl"))
    return directory.path
  }

  static func median(directory: String, scene: EngineBenchmark.Scene) throws -> Double {
    defer { try? FileManager.default.removeItem(atPath: directory) }
    var times: [Double] = []
    for _ in 0..<runs {
      times.append(
        try BenchmarkTable.time {
          let (configuration, diagnostics) = ConfigLoader.load(directory: directory)
          guard !diagnostics.hasErrors else { throw EngineBenchmark.BenchmarkFailure("configuration: \(diagnostics[0].detail)") }
          let (graph, _) = ConfigGraph.build(configuration)
          var options = PlanOptions()
          options.refresh = false
          let planner = Planner(
            configuration: configuration, graph: graph, variables: [:], evalContext: EvalContext(clock: .system, mode: .plan),
            resourceContext: scene.resources, options: options)
          let (plan, problems) = planner.plan(state: StateSnapshot())
          guard let plan, plan.changes.count == instances else {
            throw EngineBenchmark.BenchmarkFailure("plan: \(problems.first?.detail ?? "wrong number of changes")")
          }
          _ = PlanRenderer().render(plan)
        })
    }
    return times.sorted()[runs / 2]
  }
}
