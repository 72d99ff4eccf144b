/// Diagnostics as Terraform's JSON: the objects of `validate -json` and of `-json` streams
/// (severity, summary, detail, range with line/column/byte, snippet with context, code,
/// start line, highlight offsets and values).
public enum DiagnosticJSON {
  /// One diagnostic object. `range` and `snippet` are omitted without a subject or source.
  public static func object(_ diagnostic: Diagnostic, sources: [DiagnosticSource]) -> GoJSON {
    let view = DiagnosticView(diagnostic, sources: index(sources))
    var members: [(String, GoJSON)] = [
      ("severity", .string(diagnostic.severity.rawValue)),
      ("summary", .string(diagnostic.summary)),
      ("detail", .string(diagnostic.detail)),
    ]
    if let address = diagnostic.address { members.append(("address", .string(address))) }
    if let range = view.range {
      func position(_ p: SourcePosition) -> GoJSON {
        .object([("line", .int(p.line)), ("column", .int(p.column)), ("byte", .int(p.byte))])
      }
      members.append(
        (
          "range",
          .object([
            ("filename", .string(range.filename)), ("start", position(range.start)),
            ("end", position(range.end)),
          ])
        ))
    }
    if let snippet = view.snippet {
      let values: [GoJSON] = diagnostic.values.sorted { $0.traversal < $1.traversal }.map {
        .object([("traversal", .string($0.traversal)), ("statement", .string($0.statement))])
      }
      members.append(
        (
          "snippet",
          .object([
            ("context", snippet.context.map { .string($0) } ?? .null),
            ("code", .string(snippet.code)),
            ("start_line", .int(snippet.startLine)),
            ("highlight_start_offset", .int(snippet.highlightStart)),
            ("highlight_end_offset", .int(snippet.highlightEnd)),
            ("values", .array(values)),
          ])
        ))
    }
    return .object(members)
  }

  /// The whole `validate -json` document, indented as Terraform prints it (no final newline).
  public static func validateDocument(_ diagnostics: [Diagnostic], sources: [DiagnosticSource])
    -> String
  {
    let errors = diagnostics.filter { $0.severity == .error }.count
    let document = GoJSON.object([
      ("format_version", .string("1.0")),
      ("valid", .bool(errors == 0)),
      ("error_count", .int(errors)),
      ("warning_count", .int(diagnostics.count - errors)),
      ("diagnostics", .array(diagnostics.map { object($0, sources: sources) })),
    ])
    return document.indented
  }

  private static func index(_ sources: [DiagnosticSource]) -> [String: DiagnosticSource] {
    var byName: [String: DiagnosticSource] = [:]
    for source in sources { byName[source.filename] = source }
    return byName
  }
}
