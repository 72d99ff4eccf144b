/// A quoted string or heredoc template, as a list of parts.
///
/// Unwrapping rule (hcl): a template whose only part is one interpolation, `"${x}"`, evaluates
/// to `x`'s value unchanged (any type); every other template converts its parts to strings and
/// concatenates them. A literal part emptied by a strip marker is kept (as hcl does), so
/// `"${~ x ~}"` unwraps but `" ${~ x}"` does not, and neither does any directive.
public struct Template: Equatable, Hashable, Sendable {
  public var parts: [TemplatePart]
  public var isHeredoc: Bool

  public init(parts: [TemplatePart], isHeredoc: Bool) {
    self.parts = parts
    self.isHeredoc = isHeredoc
  }

  /// The single interpolated expression when the template unwraps to it.
  public var unwrapped: Expression? {
    if parts.count == 1, case .interpolation(let e, _) = parts[0] { return e }
    return nil
  }

  /// The literal text when the template has no interpolations or directives (an empty
  /// template is the empty string).
  public var literalText: String? {
    var text = ""
    for part in parts {
      guard case .literal(let s, _) = part else { return nil }
      text += s
    }
    return text
  }
}

/// One part of a template. Literals and interpolations are stored inline (no allocation per
/// part); the larger directive cases are boxed.
public enum TemplatePart: Equatable, Hashable, Sendable {
  /// Literal text: escapes decoded (`\n`, `$${` → `${`), strip markers and `<<-` flush applied.
  case literal(String, range: SourceRange)
  /// `${ expression }`; the range covers `${` through `}`.
  case interpolation(Expression, range: SourceRange)
  /// `%{ if c }...%{ else }...%{ endif }`; the range covers the whole construct.
  indirect case conditional(TemplateConditional)
  /// `%{ for k, v in c }...%{ endfor }`; the range covers the whole construct.
  indirect case loop(TemplateLoop)

  public var range: SourceRange {
    switch self {
    case .literal(_, let r), .interpolation(_, let r): return r
    case .conditional(let c): return c.range
    case .loop(let l): return l.range
    }
  }
}

/// `%{ if condition }trueParts%{ else }falseParts%{ endif }`; each branch is a string template.
public struct TemplateConditional: Equatable, Hashable, Sendable {
  public var condition: Expression
  public var trueParts: [TemplatePart]
  /// Empty when there is no `%{ else }`.
  public var falseParts: [TemplatePart]
  public var range: SourceRange

  public init(
    condition: Expression, trueParts: [TemplatePart], falseParts: [TemplatePart],
    range: SourceRange
  ) {
    self.condition = condition
    self.trueParts = trueParts
    self.falseParts = falseParts
    self.range = range
  }
}

/// `%{ for k, v in collection }body%{ endfor }`; the body is rendered once per element.
public struct TemplateLoop: Equatable, Hashable, Sendable {
  public var keyVariable: Identifier?
  public var valueVariable: Identifier
  public var collection: Expression
  public var body: [TemplatePart]
  public var range: SourceRange

  public init(
    keyVariable: Identifier?, valueVariable: Identifier, collection: Expression,
    body: [TemplatePart], range: SourceRange
  ) {
    self.keyVariable = keyVariable
    self.valueVariable = valueVariable
    self.collection = collection
    self.body = body
    self.range = range
  }
}
