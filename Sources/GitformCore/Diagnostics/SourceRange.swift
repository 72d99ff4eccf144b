/// Diagnostics: what the user is told about their input and where in it.
///
/// This folder holds source positions and ranges, the `Diagnostic` value and its renderers
/// (Terraform's human layout with snippets, and JSON). It imports Foundation only and knows
/// nothing of syntax trees, state or GitLab; every other layer reports problems through it.

/// A point in a source file: 1-based line, 1-based column counted in characters (grapheme
/// clusters, as hcl does), and a 0-based byte offset into the UTF-8 source.
public struct SourcePosition: Equatable, Hashable, Sendable, Comparable {
  public var line: Int
  public var column: Int
  public var byte: Int

  public init(line: Int, column: Int, byte: Int) {
    self.line = line
    self.column = column
    self.byte = byte
  }

  public static func < (a: SourcePosition, b: SourcePosition) -> Bool { a.byte < b.byte }
}

/// A half-open span `[start, end)` of a named source file.
public struct SourceRange: Equatable, Hashable, Sendable {
  public var filename: String
  public var start: SourcePosition
  public var end: SourcePosition

  public init(filename: String, start: SourcePosition, end: SourcePosition) {
    self.filename = filename
    self.start = start
    self.end = end
  }

  /// The smallest range covering both; used to widen a node's range over its children.
  public func through(_ other: SourceRange) -> SourceRange {
    SourceRange(filename: filename, start: min(start, other.start), end: max(end, other.end))
  }
}

extension SourceRange: CustomStringConvertible {
  /// hcl's notation, used inside messages: `main.tf:2,3-4`, or `main.tf:2,3-4,1` across lines.
  public var description: String {
    if start.line == end.line {
      return "\(filename):\(start.line),\(start.column)-\(end.column)"
    }
    return "\(filename):\(start.line),\(start.column)-\(end.line),\(end.column)"
  }

  /// True when the range covers no bytes.
  public var isEmpty: Bool { start.byte == end.byte }
}
