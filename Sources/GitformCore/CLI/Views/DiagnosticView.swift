/// A diagnostic resolved against its source: the highlighted range, the snippet lines and the
/// context, computed once for both renderers (Terraform renders its human text from its
/// JSON form the same way, so the two always agree).
struct DiagnosticView {
  struct Snippet {
    var context: String?
    /// The source lines touched by the subject and context ranges, joined by "\n".
    var code: String
    var startLine: Int
    /// Byte offsets into `code` of the highlighted subject.
    var highlightStart: Int
    var highlightEnd: Int
  }

  var diagnostic: Diagnostic
  /// The subject, widened by one column when empty so something can be pointed at.
  var range: SourceRange?
  var snippet: Snippet?

  init(_ diagnostic: Diagnostic, sources: [String: DiagnosticSource]) {
    self.diagnostic = diagnostic
    guard var highlight = diagnostic.subject else { return }
    var snippetRange = diagnostic.context ?? highlight
    snippetRange = Self.rangeOver(snippetRange, highlight)
    if snippetRange.isEmpty {
      snippetRange.end.byte += 1
      snippetRange.end.column += 1
    }
    if highlight.isEmpty {
      highlight.end.byte += 1
      highlight.end.column += 1
    }
    range = highlight
    if let source = sources[highlight.filename] {
      snippet = Self.snippet(source: source, highlight: highlight, snippetRange: snippetRange)
    }
  }

  /// hcl's `RangeOver`: the smallest range covering both, ignoring an empty one.
  static func rangeOver(_ a: SourceRange, _ b: SourceRange) -> SourceRange {
    if a.isEmpty { return b }
    if b.isEmpty { return a }
    return SourceRange(
      filename: a.filename, start: a.start.byte < b.start.byte ? a.start : b.start,
      end: a.end.byte > b.end.byte ? a.end : b.end)
  }

  /// hcl's `Range.Overlaps` on byte offsets (empty ranges never overlap; note the inclusive
  /// end test, which makes a range ending at a line's first byte pull that line in).
  static func overlaps(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
    if a.isEmpty || b.isEmpty { return false }
    func contains(_ r: Range<Int>, _ offset: Int) -> Bool { offset >= r.lowerBound && offset < r.upperBound }
    return contains(a, b.lowerBound) || contains(a, b.upperBound) || contains(b, a.lowerBound)
      || contains(b, a.upperBound)
  }

  private static func snippet(source: DiagnosticSource, highlight: SourceRange, snippetRange: SourceRange)
    -> Snippet
  {
    let bytes = source.bytes
    let target = snippetRange.start.byte..<snippetRange.end.byte
    var code: [UInt8] = []
    var codeStart = 0
    var started = false
    var lineStart = 0
    while lineStart < bytes.count {
      var lineEnd = lineStart
      while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
      let next = lineEnd < bytes.count ? lineEnd + 1 : lineEnd
      var contentEnd = lineEnd
      if contentEnd > lineStart, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
      if overlaps(lineStart..<contentEnd, target) {
        if !started {
          codeStart = lineStart
          started = true
        }
        code += bytes[lineStart..<contentEnd]
        code.append(0x0A)
      }
      lineStart = next
    }
    if code.last == 0x0A { code.removeLast() }
    let length = code.count
    var start = highlight.start.byte - codeStart
    var end = start + (highlight.end.byte - highlight.start.byte)
    start = min(max(start, 0), length)
    end = min(max(end, 0), length)
    return Snippet(
      context: source.context(at: highlight.start.byte - 1),
      code: String(decoding: code, as: UTF8.self), startLine: snippetRange.start.line,
      highlightStart: start, highlightEnd: end)
  }
}
