/// Diagnostics as plain text, `\nError: SUMMARY\n\nDETAIL\n`: how gitform reports mistakes on
/// the command line and the few refusals worded by a command itself (`output NAME` not found,
/// a failed force-unlock). Unlike `DiagnosticRenderer` it never colours, wraps or quotes
/// source, so these messages read the same on a terminal and in a log, and stay as they were.
enum PlainDiagnosticText {
  static func render(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map { diagnostic in
      let label = diagnostic.severity == .error ? "Error" : "Warning"
      return "\n\(label): \(diagnostic.summary)\n" + (diagnostic.detail.isEmpty ? "" : "\n\(diagnostic.detail)\n")
    }.joined()
  }
}
