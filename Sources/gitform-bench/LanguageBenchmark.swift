import Foundation
import GitformCore

/// `gitform-bench language`: lex and parse throughput on a generated 10,000-block file
/// (`GITFORM_BENCH_BLOCKS=N` changes the size, e.g. for profiling under valgrind).
///
/// Each phase runs ten times and reports the best run, which is the least disturbed by
/// other processes on a shared machine; the CPU time of the best run is reported too, since
/// wall time on a loaded machine includes waiting for a core. The floor for parse is 0.1 s
/// in a release build.
enum LanguageBenchmark {
  /// Wall and thread-CPU seconds taken by `body`.
  static func measure(_ body: () -> Void) -> (wall: Double, cpu: Double) {
    func cpuNow() -> Double {
      var spec = timespec()
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
      return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
    let cpuStart = cpuNow()
    let wall = BenchmarkTable.time(body)
    return (wall, cpuNow() - cpuStart)
  }

  static func run() -> [BenchmarkRow] {
    let blocks = Int(ProcessInfo.processInfo.environment["GITFORM_BENCH_BLOCKS"] ?? "") ?? 10_000
    let source = Array(BenchmarkConfiguration.generate(blocks: blocks).utf8)
    let megabytes = Double(source.count) / 1_000_000
    var lexSeconds = (wall: Double.infinity, cpu: Double.infinity)
    var parseSeconds = (wall: Double.infinity, cpu: Double.infinity)
    var tokenCount = 0
    var diagnosticCount = 0
    for _ in 0..<10 {
      // Results are kept past the timed region: the figures are the time to produce tokens
      // and trees, not to free them.
      var lexed: (tokens: [Token], diagnostics: [Diagnostic])?
      let lex = measure { lexed = Lexer.tokenize(source, filename: "bench.gf.hcl") }
      if lex.wall < lexSeconds.wall { lexSeconds = lex }
      tokenCount = lexed?.tokens.count ?? 0
      lexed = nil
      var parsed: (file: SyntaxFile, diagnostics: [Diagnostic])?
      let parse = measure { parsed = Parser.parse(source, filename: "bench.gf.hcl") }
      if parse.wall < parseSeconds.wall { parseSeconds = parse }
      diagnosticCount = parsed?.diagnostics.count ?? -1
      parsed = nil
    }
    let size = String(format: "%.2f MB, %d blocks", megabytes, blocks)
    return [
      BenchmarkRow(
        name: "language.lex", value: lexSeconds.wall, unit: "s",
        note: "\(size), \(tokenCount) tokens"),
      BenchmarkRow(name: "language.lex.cpu", value: lexSeconds.cpu, unit: "s"),
      BenchmarkRow(name: "language.lex.throughput", value: megabytes / lexSeconds.wall, unit: "MB/s"),
      BenchmarkRow(
        name: "language.parse", value: parseSeconds.wall, unit: "s",
        note: "\(size), lex included, \(diagnosticCount) diagnostics"),
      BenchmarkRow(name: "language.parse.cpu", value: parseSeconds.cpu, unit: "s"),
      BenchmarkRow(
        name: "language.parse.throughput", value: megabytes / parseSeconds.wall, unit: "MB/s"),
    ]
  }
}
