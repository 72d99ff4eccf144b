/// Where each configured attribute of one block was written, so checks can point at it.
public struct AttributeRanges: Sendable {
  /// The block's header: the fallback for attributes that were not written.
  public var block: SourceRange
  public var attributes: [String: SourceRange]

  public init(block: SourceRange, attributes: [String: SourceRange] = [:]) {
    self.block = block
    self.attributes = attributes
  }

  public func range(of name: String) -> SourceRange { attributes[name] ?? block }
}
