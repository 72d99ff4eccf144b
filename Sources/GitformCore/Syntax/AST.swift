/// The structural part of the syntax tree: files, bodies, attributes and blocks.
///
/// Every node carries the `SourceRange` it was parsed from, so any later layer (evaluation,
/// configuration decoding) can point diagnostics at the exact source. The tree is a pure value;
/// it keeps no reference to tokens or source bytes. Expressions are in `ASTExpression.swift`.

/// A parsed configuration file: its top-level body.
public struct SyntaxFile: Equatable, Hashable, Sendable {
  public var body: Body
  /// The whole file, from its first to its last byte.
  public var range: SourceRange

  public init(body: Body, range: SourceRange) {
    self.body = body
    self.range = range
  }
}

/// A sequence of attributes and blocks, in source order.
///
/// HCL treats a body as an unordered set of attributes plus an ordered list of blocks; the
/// parser keeps both in one list so nothing about the source order is lost. As in hclsyntax,
/// the parser reports a repeated attribute name ("Attribute redefined") and keeps only the
/// first definition, so attribute names in a body are unique.
public struct Body: Equatable, Hashable, Sendable {
  public var items: [BodyItem] {
    didSet { attributes = Self.attributes(of: items) }
  }
  /// For the file body, the whole file; for a block body, from `{` through `}`.
  public var range: SourceRange
  /// The attributes, in source order. Kept, not filtered per call: decoding, the graph, the
  /// walk and the static checks each ask for every block's attributes, and the copies were a
  /// twentieth of `validate` on 10,000 resources.
  public private(set) var attributes: [Attribute]

  public init(items: [BodyItem], range: SourceRange) {
    self.items = items
    self.range = range
    attributes = Self.attributes(of: items)
  }

  private static func attributes(of items: [BodyItem]) -> [Attribute] {
    items.compactMap { if case .attribute(let a) = $0 { return a } else { return nil } }
  }

  public static func == (lhs: Body, rhs: Body) -> Bool { lhs.items == rhs.items && lhs.range == rhs.range }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(items)
    hasher.combine(range)
  }

  /// The blocks, in source order.
  public var blocks: [Block] {
    items.compactMap { if case .block(let b) = $0 { return b } else { return nil } }
  }
}

/// One element of a body.
public enum BodyItem: Equatable, Hashable, Sendable {
  case attribute(Attribute)
  case block(Block)

  public var range: SourceRange {
    switch self {
    case .attribute(let a): return a.range
    case .block(let b): return b.range
    }
  }
}

/// `name = expression`.
public struct Attribute: Equatable, Hashable, Sendable {
  public var name: String
  public var nameRange: SourceRange
  public var equalsRange: SourceRange
  public var expression: Expression
  /// From the first byte of the name to the last byte of the expression (newline excluded).
  public var range: SourceRange

  public init(
    name: String, nameRange: SourceRange, equalsRange: SourceRange, expression: Expression,
    range: SourceRange
  ) {
    self.name = name
    self.nameRange = nameRange
    self.equalsRange = equalsRange
    self.expression = expression
    self.range = range
  }
}

/// `type "label" label { body }`.
public struct Block: Equatable, Hashable, Sendable {
  public var type: String
  public var typeRange: SourceRange
  public var labels: [BlockLabel]
  public var openBraceRange: SourceRange
  public var closeBraceRange: SourceRange
  public var body: Body
  /// From the first byte of the type to the last byte of `}`.
  public var range: SourceRange

  public init(
    type: String, typeRange: SourceRange, labels: [BlockLabel], openBraceRange: SourceRange,
    closeBraceRange: SourceRange, body: Body, range: SourceRange
  ) {
    self.type = type
    self.typeRange = typeRange
    self.labels = labels
    self.openBraceRange = openBraceRange
    self.closeBraceRange = closeBraceRange
    self.body = body
    self.range = range
  }

  /// The block's header, `type "label" ...` up to and including `{`: the range Terraform
  /// names in "in resource "x" "y"" and the subject of block-level diagnostics.
  public var definitionRange: SourceRange { typeRange.through(openBraceRange) }

  /// The header as Terraform prints it in diagnostics: `resource "x" "y"` (labels quoted
  /// and escaped as Go's `%q` does).
  public var headerText: String {
    ([type] + labels.map { StringQuoting.quote($0.value, .go) }).joined(separator: " ")
  }
}

/// A block label: a quoted string literal (escapes decoded, no templates) or a bare identifier.
public struct BlockLabel: Equatable, Hashable, Sendable {
  public var value: String
  public var isQuoted: Bool
  /// Includes the quotes of a quoted label.
  public var range: SourceRange

  public init(value: String, isQuoted: Bool, range: SourceRange) {
    self.value = value
    self.isQuoted = isQuoted
    self.range = range
  }
}

/// A name with its range: a variable in `for`, a function name, an attribute step.
public struct Identifier: Equatable, Hashable, Sendable {
  public var name: String
  public var range: SourceRange

  public init(name: String, range: SourceRange) {
    self.name = name
    self.range = range
  }
}
