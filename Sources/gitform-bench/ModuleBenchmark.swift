import Foundation
import GitformCore

/// Issue 13's module figure: a module called with `for_each` over 100 keys, holding one
/// resource, plans within 20 % of the same 100 resources written flat. Both are loaded from
/// disk (the module's folder must be read), walked, planned without refresh and rendered.
/// One run takes milliseconds, so the two are run alternately, 41 times each, and each figure
/// is its fastest run: what the work costs, with the machine's other load left out.
enum ModuleBenchmark {
  static let instances = 100
  static let runs = 41

  static func run() -> [BenchmarkRow] {
    do {
      let scene = try EngineBenchmark.Scene()
      defer { scene.stop() }
      let flatDirectory = try write(modular: false)
      let modularDirectory = try write(modular: true)
      defer {
        try? FileManager.default.removeItem(atPath: flatDirectory)
        try? FileManager.default.removeItem(atPath: modularDirectory)
      }
      var flat = Double.infinity
      var modular = Double.infinity
      for _ in 0..<runs {
        flat = min(flat, try time(directory: flatDirectory, scene: scene))
        modular = min(modular, try time(directory: modularDirectory, scene: scene))
      }
      let ratio = modular / max(flat, 1e-9)
      return [
        BenchmarkRow(
          name: "engine plan \(instances) resources written flat -refresh=false", value: flat, unit: "s",
          note: "load + graph + plan + render, fastest of \(runs)"),
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

  /// One load, walk, plan and render of the configuration in `directory`.
  static func time(directory: String, scene: EngineBenchmark.Scene) throws -> Double {
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
    }
  }
}
