import Foundation

// gitform-bench [SUITE...]: runs the named suites (all when none) and prints one table.
// Build with `swift build -c release` for figures worth reporting.
let suites: [(name: String, run: () -> [BenchmarkRow])] = [
  ("emulator-load", EmulatorLoadBenchmark.run),
  ("language", LanguageBenchmark.run),
  ("format", FormatBenchmark.run),
  ("engine", EngineBenchmark.run),
  ("modules", ModuleBenchmark.run),
  ("evaluate", EvaluateBenchmark.run),
  ("remote-state", RemoteStateBenchmark.run),
  ("soak", SoakBenchmark.run),
  ("process", ProcessBenchmark.run),
]

let wanted = Set(CommandLine.arguments.dropFirst())
var rows: [BenchmarkRow] = []
// The soak and the whole-process figures run the built gitform binary (the soak for minutes);
// they run only when asked for by name.
for suite in suites where wanted.isEmpty ? !["soak", "process"].contains(suite.name) : wanted.contains(suite.name) {
  rows += suite.run()
}
print(BenchmarkTable.render(rows), terminator: "")
