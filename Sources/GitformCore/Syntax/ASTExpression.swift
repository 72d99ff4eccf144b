/// An expression node: what it is (`kind`) and where it is (`range`).
///
/// One value type with a `Kind` enum, so an evaluator is a single exhaustive `switch`
/// and the compiler points at every place a new kind must be handled. The shapes follow
/// hclsyntax's expression types, simplified where gitform's language is smaller:
/// - `a.b[0].c` is one `scopeTraversal` while every step is an attribute or a literal index
///   (a legacy `.0` is an index with the number key 0, exactly as in hcl);
/// - a step after any other expression is a `relativeTraversal`; a non-literal index
///   (`a[var.k]`) is an `index` node, and further steps continue from it;
/// - bare identifiers used as object keys are `ObjectKey.name`, never variable references;
/// - template literal text has escapes decoded, `~` strip markers and `<<-` flush already applied.
public struct Expression: Equatable, Hashable, Sendable {
  // Only the cases that contain expressions directly are boxed: leaves (literals, templates,
  // traversals, tuples, objects) are stored inline, which saves one allocation per node.
  public enum Kind: Equatable, Hashable, Sendable {
    /// `null`, `true`, `false` or a number.
    case literal(LiteralValue)
    /// A quoted string or heredoc: `"a ${b} %{if c}d%{endif}"`.
    case template(Template)
    /// A variable and the attribute and literal-index steps after it: `var.x`, `a.b[0]`, `each`.
    case scopeTraversal(Traversal)
    /// Attribute and literal-index steps applied to the result of any other expression:
    /// `f(x).a`, `[1, 2][0]`, `a[k].b` (source `index`, steps `[.b]`).
    indirect case relativeTraversal(source: Expression, steps: [Traverser])
    /// `collection[key]` with a key that is not a literal.
    indirect case index(collection: Expression, key: Expression, bracketRange: SourceRange)
    indirect case functionCall(FunctionCall)
    /// `[a, b]`
    case tuple([Expression])
    /// `{ a = 1, "b" = 2, (c) = 3 }`
    case object([ObjectItem])
    indirect case unary(UnaryOperator, Expression, operatorRange: SourceRange)
    indirect case binary(BinaryOperator, Expression, Expression, operatorRange: SourceRange)
    /// `condition ? trueResult : falseResult`
    indirect case conditional(condition: Expression, trueResult: Expression, falseResult: Expression)
    indirect case forExpression(ForExpression)
    indirect case splat(Splat)
    /// The current element inside a splat's `each` expression (hcl's anonymous symbol).
    case splatItem
    /// `( expression )`; kept so ranges and `fmt` see the parentheses, and so an object key
    /// `(a)` is an expression rather than a name.
    indirect case parenthesized(Expression)
    /// A part of the source that failed to parse; its diagnostic has already been reported.
    /// Evaluators treat it as an unknown value of any type and report nothing more.
    case invalid
  }

  public var kind: Kind
  public var range: SourceRange

  public init(_ kind: Kind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

/// A literal written in the source.
public enum LiteralValue: Equatable, Hashable, Sendable {
  case null
  case bool(Bool)
  /// A number literal exactly as written (`42`, `0.5`, `1e3`): exact, never rounded here, so
  /// the evaluator decides how it is represented and reports integers that do not fit.
  case number(String)
  /// Only as a traversal key (`a["k"]`); string expressions are templates.
  case string(String)
}

/// A root variable name and the steps after it.
public struct Traversal: Equatable, Hashable, Sendable {
  public var root: Identifier
  public var steps: [Traverser]

  public init(root: Identifier, steps: [Traverser]) {
    self.root = root
    self.steps = steps
  }
}

/// One static step of a traversal.
public struct Traverser: Equatable, Hashable, Sendable {
  public enum Kind: Equatable, Hashable, Sendable {
    /// `.name`
    case attribute(String)
    /// `[literal]`, or a legacy `.0` (number key).
    case index(LiteralValue)
  }

  public var kind: Kind
  /// `.name` including the dot; `[key]` including the brackets; `.0` including the dot.
  public var range: SourceRange

  public init(_ kind: Kind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

/// `name(arg, arg...)`.
public struct FunctionCall: Equatable, Hashable, Sendable {
  public var name: Identifier
  public var arguments: [Expression]
  /// The last argument was followed by `...`: it is a list or tuple to spread into arguments.
  public var expandFinal: Bool
  public var openParenRange: SourceRange
  public var closeParenRange: SourceRange

  public init(
    name: Identifier, arguments: [Expression], expandFinal: Bool, openParenRange: SourceRange,
    closeParenRange: SourceRange
  ) {
    self.name = name
    self.arguments = arguments
    self.expandFinal = expandFinal
    self.openParenRange = openParenRange
    self.closeParenRange = closeParenRange
  }
}

/// `key = value` (or `key: value`) in an object constructor.
public struct ObjectItem: Equatable, Hashable, Sendable {
  public var key: ObjectKey
  public var value: Expression

  public init(key: ObjectKey, value: Expression) {
    self.key = key
    self.value = value
  }

  public var range: SourceRange { key.range.through(value.range) }
}

/// An object constructor key.
public struct ObjectKey: Equatable, Hashable, Sendable {
  public enum Kind: Equatable, Hashable, Sendable {
    /// A bare identifier: the key is the name itself (`{ foo = 1 }` has key "foo").
    case name(String)
    /// Anything else: a quoted template, a parenthesised expression, a literal (`true`, `1`);
    /// the key is the expression's value converted to a string.
    case expression(Expression)
  }

  public var kind: Kind
  public var range: SourceRange

  public init(_ kind: Kind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

/// `-x` or `!x`.
public enum UnaryOperator: String, Equatable, Hashable, Sendable {
  case negate = "-"
  case not = "!"
}

/// HCL's binary operators, with their precedence (higher binds tighter; all left-associative).
public enum BinaryOperator: String, Equatable, Hashable, Sendable, CaseIterable {
  case or = "||"
  case and = "&&"
  case equal = "=="
  case notEqual = "!="
  case greaterThan = ">"
  case greaterThanOrEqual = ">="
  case lessThan = "<"
  case lessThanOrEqual = "<="
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
  case modulo = "%"

  public var precedence: Int {
    switch self {
    case .or: return 1
    case .and: return 2
    case .equal, .notEqual: return 3
    case .greaterThan, .greaterThanOrEqual, .lessThan, .lessThanOrEqual: return 4
    case .add, .subtract: return 5
    case .multiply, .divide, .modulo: return 6
    }
  }
}

/// `[for k, v in coll : value if cond]` or `{for k, v in coll : key => value... if cond}`.
public struct ForExpression: Equatable, Hashable, Sendable {
  public var keyVariable: Identifier?
  public var valueVariable: Identifier
  public var collection: Expression
  /// Present exactly for the object form (`{ for ... : key => value }`).
  public var keyExpression: Expression?
  public var valueExpression: Expression
  public var condition: Expression?
  /// `...` after the value in the object form: values with the same key are grouped in tuples.
  public var isGrouping: Bool

  public init(
    keyVariable: Identifier?, valueVariable: Identifier, collection: Expression,
    keyExpression: Expression?, valueExpression: Expression, condition: Expression?,
    isGrouping: Bool
  ) {
    self.keyVariable = keyVariable
    self.valueVariable = valueVariable
    self.collection = collection
    self.keyExpression = keyExpression
    self.valueExpression = valueExpression
    self.condition = condition
    self.isGrouping = isGrouping
  }

  /// True for `{ for ... }`, which builds an object; false for `[ for ... ]`.
  public var producesObject: Bool { keyExpression != nil }
}

/// `source.*.a.b` (attribute splat) or `source[*].a[0]` (full splat).
///
/// `each` is evaluated once per element of `source`, with `Expression.Kind.splatItem` standing
/// for the element: `x[*].a.b[0]` has `each` = `relativeTraversal(splatItem, [.a, .b, [0]])`
/// and means `[for v in x: v.a.b[0]]`. An attribute splat takes only attribute (and legacy
/// index) steps; the first `[` after it ends the splat and indexes its result, as in hcl. A
/// full splat takes every following step, including another splat.
public struct Splat: Equatable, Hashable, Sendable {
  public var source: Expression
  public var isFull: Bool
  public var each: Expression
  /// The `.*` or `[*]` marker.
  public var markerRange: SourceRange

  public init(source: Expression, isFull: Bool, each: Expression, markerRange: SourceRange) {
    self.source = source
    self.isFull = isFull
    self.each = each
    self.markerRange = markerRange
  }
}
