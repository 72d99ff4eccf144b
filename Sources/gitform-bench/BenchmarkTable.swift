import Foundation

/// A row of the benchmark table: what was measured, the figure and its unit.
struct BenchmarkRow {
  var name: String
  var value: Double
  var unit: String
  var note: String = ""
}

/// Renders rows as an aligned plain-text table, the benchmark's only output.
enum BenchmarkTable {
  static func render(_ rows: [BenchmarkRow]) -> String {
    let header = ["benchmark", "value", "unit", "note"]
    let cells = rows.map { [$0.name, String(format: "%.3f", $0.value), $0.unit, $0.note] }
    var widths = header.map { $0.count }
    for row in cells { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
    func line(_ row: [String]) -> String {
      row.enumerated().map { i, cell in
        i == 1 ? String(repeating: " ", count: widths[i] - cell.count) + cell
          : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
      }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
    }
    var text = line(header) + "\n"
    text += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
    for row in cells { text += line(row) + "\n" }
    return text
  }

  /// Wall-clock seconds taken by `body`.
  static func time(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  }
}
