/// One problem found in the user's input: configuration, variables, state or plan.
///
/// Diagnostics are values, collected rather than thrown, so that one run reports every
/// independent problem. Operational failures (I/O, HTTP) are typed errors elsewhere; the CLI
/// turns both into output. A diagnostic never carries a secret value in its text.
public struct Diagnostic: Equatable, Hashable, Sendable {
  public enum Severity: String, Equatable, Hashable, Sendable {
    case error
    case warning
  }

  public var severity: Severity
  public var summary: String
  public var detail: String
  /// The exact construct the diagnostic is about (underlined in snippets).
  public var subject: SourceRange?
  /// A wider construct for context, such as the whole expression around `subject`.
  public var context: SourceRange?
  /// The resource the problem belongs to (`user_token.bot`), shown as `with ADDRESS,`.
  public var address: String?
  /// Values of references in the failing expression, shown in a box under the snippet
  /// (`var.n is "abc"`). Never holds a secret: sensitive values are described, not shown.
  public var values: [ExpressionValue]

  /// One reference and what its value was: `traversal` `statement`, e.g. `var.n` `is "abc"`.
  public struct ExpressionValue: Equatable, Hashable, Sendable {
    public var traversal: String
    public var statement: String

    public init(traversal: String, statement: String) {
      self.traversal = traversal
      self.statement = statement
    }
  }

  public init(
    severity: Severity, summary: String, detail: String = "",
    subject: SourceRange? = nil, context: SourceRange? = nil, address: String? = nil,
    values: [ExpressionValue] = []
  ) {
    self.severity = severity
    self.summary = summary
    self.detail = detail
    self.subject = subject
    self.context = context
    self.address = address
    self.values = values
  }

  public static func error(
    _ summary: String, detail: String = "", subject: SourceRange? = nil,
    context: SourceRange? = nil
  ) -> Diagnostic {
    Diagnostic(severity: .error, summary: summary, detail: detail, subject: subject, context: context)
  }

  public static func warning(
    _ summary: String, detail: String = "", subject: SourceRange? = nil,
    context: SourceRange? = nil
  ) -> Diagnostic {
    Diagnostic(
      severity: .warning, summary: summary, detail: detail, subject: subject, context: context)
  }
}

extension Array where Element == Diagnostic {
  /// True when any diagnostic is an error; warnings alone never fail a command.
  public var hasErrors: Bool { contains { $0.severity == .error } }
}
