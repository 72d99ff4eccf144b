import Foundation
import GitformCore

/// `gitform-bench format`: `fmt` throughput on the generated 10,000-block configuration.
///
/// Two figures: the formatter alone on already-lexed tokens (the three hclwrite passes and
/// Terraform's rewrites), and lex + format, which is what `gitform fmt` does per file after its
/// syntax check. Best of five runs, as the language suite reports.
enum FormatBenchmark {
  static func run() -> [BenchmarkRow] {
    let source = Array(BenchmarkConfiguration.generate(blocks: 10_000).utf8)
    let megabytes = Double(source.count) / 1_000_000
    let tokens = Lexer.tokenize(source, filename: "bench.gf.hcl").tokens
    var formatSeconds = (wall: Double.infinity, cpu: Double.infinity)
    var endToEndSeconds = Double.infinity
    var outputBytes = 0
    for _ in 0..<5 {
      var output: [UInt8] = []
      let format = LanguageBenchmark.measure { output = Formatter().format(tokens) }
      if format.wall < formatSeconds.wall { formatSeconds = format }
      outputBytes = output.count
      output = []
      let endToEnd = BenchmarkTable.time {
        output = Formatter().format(Lexer.tokenize(source, filename: "bench.gf.hcl").tokens)
      }
      endToEndSeconds = min(endToEndSeconds, endToEnd)
    }
    let size = String(format: "%.2f MB, 10000 blocks", megabytes)
    return [
      BenchmarkRow(
        name: "format", value: formatSeconds.wall, unit: "s",
        note: "\(size), \(tokens.count) tokens in, \(outputBytes) bytes out"),
      BenchmarkRow(name: "format.cpu", value: formatSeconds.cpu, unit: "s"),
      BenchmarkRow(name: "format.throughput", value: megabytes / formatSeconds.wall, unit: "MB/s"),
      BenchmarkRow(name: "format.with-lex", value: endToEndSeconds, unit: "s", note: "lex + format"),
      BenchmarkRow(
        name: "format.with-lex.throughput", value: megabytes / endToEndSeconds, unit: "MB/s"),
    ]
  }
}
