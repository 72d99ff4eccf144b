/// The source of one file as diagnostics renderers need it: its bytes, for snippets, and the
/// ranges and headers of its top-level blocks, for "in resource "x" "y"".
///
/// Built by the caller (usually with `DiagnosticSource(parsing:filename:)` from Syntax), so
/// this folder needs no parser.
public struct DiagnosticSource: Equatable, Sendable {
  /// A top-level block: where it is, and its header as Terraform prints it.
  public struct Context: Equatable, Sendable {
    public var startByte: Int
    public var endByte: Int
    public var header: String

    public init(startByte: Int, endByte: Int, header: String) {
      self.startByte = startByte
      self.endByte = endByte
      self.header = header
    }
  }

  public var filename: String
  public var bytes: [UInt8]
  public var contexts: [Context]

  public init(filename: String, bytes: [UInt8], contexts: [Context] = []) {
    self.filename = filename
    self.bytes = bytes
    self.contexts = contexts
  }

  /// The header of the first top-level block containing `offset`, if any (hcl's
  /// `ContextString`).
  func context(at offset: Int) -> String? {
    contexts.first { offset >= $0.startByte && offset < $0.endByte }?.header
  }
}
