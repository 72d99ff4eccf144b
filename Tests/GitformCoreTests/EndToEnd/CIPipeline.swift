import Foundation
import XCTest

@testable import GitformCore

/// A `.gitlab-ci.yml` as GitLab reads the parts the examples use: stages, global variables,
/// `workflow:rules`, and jobs with `stage`, `rules` (`if` and `when: never`), `script` and
/// `artifacts` (`paths`, `reports`). Parsed with gitform's own YAML parser (the one behind
/// `yamldecode`), so a test runs the example's scripts, not a copy of them.
///
/// Anything else in a job (`image`, `before_script`, `needs`, `when: manual`…) fails the parse:
/// a test would otherwise run a pipeline that GitLab runs differently.
struct CIPipeline {
  struct Rule {
    var condition: String?
    var never: Bool
  }

  struct Job {
    var name: String
    var stage: String
    /// Nil: no `rules`, the job always runs.
    var rules: [Rule]?
    var script: [String]
    /// `artifacts:paths`: uploaded, and downloaded by the jobs of later stages.
    var artifacts: [String]
    /// `artifacts:reports` files: uploaded for GitLab (the merge-request widget) only.
    var reports: [String]
    var resourceGroup: String?
  }

  var stages: [String]
  /// Global `variables`, unexpanded (`$CI_API_V4_URL`): the job's shell expands them.
  var variables: [(name: String, value: String)]
  var workflow: [Rule]?
  var jobs: [Job]

  enum Problem: Error, CustomStringConvertible {
    case invalid(String)
    var description: String {
      switch self { case .invalid(let message): return message }
    }
  }

  static let jobKeys: Set<String> = ["stage", "rules", "script", "artifacts", "resource_group"]

  init(yaml: String) throws {
    let document: Value
    switch YAMLDecoder.decode(yaml) {
    case .success(let value): document = value
    case .failure(let error): throw Problem.invalid("YAML: \(error.message) (line \(error.line))")
    }
    guard let top = document.attributes else { throw Problem.invalid("the document is not a mapping") }
    stages = try CIPipeline.strings(top["stages"], "stages")
    variables = (top["variables"]?.sortedAttributes ?? []).map { ($0.key, $0.value.stringValue ?? "") }
    workflow = try top["workflow"].map { try CIPipeline.rules($0.attributes?["rules"], "workflow") }
    var jobs: [Job] = []
    for (name, value) in top.sorted(by: { $0.key < $1.key })
    where !["stages", "variables", "workflow"].contains(name) {
      guard let job = value.attributes else { throw Problem.invalid("\(name) is not a job") }
      if let unknown = Set(job.keys).subtracting(CIPipeline.jobKeys).first {
        throw Problem.invalid("\(name): the test harness does not run \(unknown)")
      }
      guard let stage = job["stage"]?.stringValue, stages.contains(stage) else {
        throw Problem.invalid("\(name): stage missing or not in stages")
      }
      let reports = job["artifacts"]?.attributes?["reports"]?.attributes?.values.compactMap(\.stringValue) ?? []
      jobs.append(
        Job(
          name: name, stage: stage, rules: try job["rules"].map { try CIPipeline.rules($0, name) },
          script: try CIPipeline.strings(job["script"], "\(name).script"),
          artifacts: try CIPipeline.strings(job["artifacts"]?.attributes?["paths"], "paths", optional: true),
          reports: reports.sorted(),
          resourceGroup: job["resource_group"]?.stringValue))
    }
    self.jobs = jobs
  }

  private static func strings(_ value: Value?, _ what: String, optional: Bool = false) throws -> [String] {
    guard let elements = value?.elements else {
      if optional && value == nil { return [] }
      throw Problem.invalid("\(what) is not a list")
    }
    return try elements.map {
      guard let text = $0.stringValue else { throw Problem.invalid("\(what) holds a non-string") }
      return text
    }
  }

  private static func rules(_ value: Value?, _ owner: String) throws -> [Rule] {
    guard let elements = value?.elements else { throw Problem.invalid("\(owner).rules is not a list") }
    return try elements.map { element in
      guard let rule = element.attributes, Set(rule.keys).isSubset(of: ["if", "when"]) else {
        throw Problem.invalid("\(owner): only rules with if and when are run")
      }
      let when = rule["when"]?.stringValue
      guard when == nil || when == "never" || when == "on_success" else {
        throw Problem.invalid("\(owner): when: \(when ?? "") is not run by the harness")
      }
      return Rule(condition: rule["if"]?.stringValue, never: when == "never")
    }
  }

  /// Whether rules admit a job (or a pipeline) with these CI variables: the first rule whose
  /// `if` holds decides; none holding excludes it.
  static func admits(_ rules: [Rule]?, _ variables: [String: String]) throws -> Bool {
    guard let rules else { return true }
    for rule in rules where try rule.condition.map({ try CIExpression.evaluate($0, variables) }) ?? true {
      return !rule.never
    }
    return false
  }

  /// The jobs a pipeline with these variables runs, stage by stage; empty when `workflow`
  /// creates no pipeline.
  func jobs(for variables: [String: String]) throws -> [[Job]] {
    guard try CIPipeline.admits(workflow, variables) else { return [] }
    return try stages.map { stage in
      try jobs.filter { try $0.stage == stage && CIPipeline.admits($0.rules, variables) }
    }
  }
}
