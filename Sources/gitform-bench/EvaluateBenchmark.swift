import Foundation
import GitformCore

/// `gitform-bench evaluate`: evaluates every attribute of the generated 10,000-block file.
///
/// The context is what a plan without refresh sees: `var.*` from the variables' defaults,
/// `local.*` evaluated first, and every resource type unknown (its attributes are known after
/// apply), so references evaluate rather than being skipped. Parsing is not timed. The best of
/// five runs is reported, the least disturbed by other processes on a shared machine.
enum EvaluateBenchmark {
  static func run() -> [BenchmarkRow] {
    let source = Array(BenchmarkConfiguration.generate(blocks: 10_000).utf8)
    let (file, _) = Parser.parse(source, filename: "bench.gf.hcl")
    let context = planContext(for: file.body)
    let attributes = expressions(in: file.body)
    var seconds = Double.infinity
    var diagnosticCount = 0
    var unknownCount = 0
    for _ in 0..<5 {
      var evaluator = Evaluator(context: context)
      var unknowns = 0
      seconds = min(
        seconds,
        BenchmarkTable.time {
          for expression in attributes where !evaluator.evaluate(expression).isWhollyKnown {
            unknowns += 1
          }
        })
      diagnosticCount = evaluator.diagnostics.count
      unknownCount = unknowns
    }
    let note =
      "\(attributes.count) attributes, \(unknownCount) unknown, \(diagnosticCount) diagnostics"
    return [
      BenchmarkRow(name: "evaluate", value: seconds, unit: "s", note: note),
      BenchmarkRow(
        name: "evaluate.throughput", value: Double(attributes.count) / seconds / 1_000_000,
        unit: "M attr/s"),
    ]
  }

  /// Every attribute expression of the body and its nested blocks, in source order.
  private static func expressions(in body: Body) -> [GitformCore.Expression] {
    body.items.flatMap { item -> [GitformCore.Expression] in
      switch item {
      case .attribute(let attribute): return [attribute.expression]
      case .block(let block): return expressions(in: block.body)
      }
    }
  }

  private static func planContext(for body: Body) -> EvalContext {
    var context = EvalContext(
      clock: .fixed(Date(timeIntervalSince1970: 1_767_225_600)), mode: .plan)
    var variables: [String: Value] = [:]
    var locals: [String: Value] = [:]
    var resourceTypes: Set<String> = []
    for block in body.blocks {
      switch block.type {
      case "variable":
        if let name = block.labels.first?.value,
          let value = block.body.attributes.first(where: { $0.name == "default" })
        {
          variables[name] = Evaluator.evaluate(value.expression, in: context).0
        }
      case "resource":
        if let type = block.labels.first?.value { resourceTypes.insert(type) }
      default: break
      }
    }
    context.variables["var"] = .object(variables)
    for block in body.blocks where block.type == "locals" {
      for attribute in block.body.attributes {
        locals[attribute.name] = Evaluator.evaluate(attribute.expression, in: context).0
      }
    }
    context.variables["local"] = .object(locals)
    for type in resourceTypes { context.variables[type] = .unknown() }
    return context
  }
}
