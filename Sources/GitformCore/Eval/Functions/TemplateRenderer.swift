import Foundation

/// Renders one template source with only the variables it is given, as Terraform's
/// `templatefile` and `templatestring` do: every variable name must be an identifier, every
/// reference must name a given variable, `templatefile` and `templatestring` cannot be called
/// inside, and `templatestring` templates cannot read files.
///
/// The source is parsed as the body of a heredoc (whose content has exactly a template
/// file's syntax: `${`, `%{`, no backslash escapes) with a closing marker the source does not
/// contain; the newline the wrapping adds is taken off again and line numbers are reported
/// as in the source itself.
struct TemplateRenderer {
  let source: String
  let filename: String
  let allowFilesystem: Bool

  /// The functions that read files, refused inside `templatestring` templates.
  static let filesystemFunctions: Set<String> = [
    "file", "fileexists", "fileset", "filebase64", "filebase64sha256", "filebase64sha512",
    "filemd5", "filesha1", "filesha256", "filesha512", "templatefile",
  ]

  mutating func render(vars: Value, environment: FunctionEnvironment) throws -> Value {
    guard vars.type.isMapping, let variables = vars.attributes else {
      throw FunctionError.argument(index: 1, "invalid vars value: must be a map")
    }
    for name in variables.keys.sorted() where !Self.isIdentifier(name) {
      throw FunctionError.argument(
        index: 1,
        "invalid template variable name \(StringQuoting.quote(name, .go)): must start with a letter, "
          + "followed by zero or more letters, digits, and underscores")
    }
    let expression = try parse()
    for reference in expression.references where variables[reference.root.name] == nil {
      throw FunctionError.argument(
        index: 1,
        "vars map does not contain key \(StringQuoting.quote(reference.root.name, .go)), referenced at "
          + Self.text(reference.root.range))
    }
    var context = EvalContext(
      variables: variables, baseDirectory: environment.baseDirectory, clock: environment.clock,
      mode: environment.mode)
    context.planTimestamp = environment.planTimestamp
    context.functions = functions()
    let (value, diagnostics) = Evaluator.evaluate(expression, in: context)
    let errors = diagnostics.filter { $0.severity == .error }
    if !errors.isEmpty { throw FunctionError.call(Self.message(errors)) }
    if value.isNull, case .template(let template) = expression.kind,
      let first = template.parts.first, let last = template.parts.last
    {
      let range = first.range.through(last.range)
      throw FunctionError.call(
        Self.text(range) + ": Template result is null; The result of the template is null, "
          + "which is not a valid result for a templatestring call.")
    }
    return value
  }

  /// The standard functions, with the template functions (and, for `templatestring`, the
  /// file functions) replaced by ones that refuse to run.
  private func functions() -> FunctionTable {
    var refused: [String: String] = [:]
    for name in ["templatefile", "templatestring"] {
      refused[name] = "cannot recursively call \(name) from inside another template function"
    }
    if !allowFilesystem {
      for name in Self.filesystemFunctions where name != "templatefile" {
        refused[name] =
          "cannot use filesystem access functions like \(name) in templatestring templates; "
          + "consider passing the function result as a template variable instead"
      }
    }
    return FunctionTable.standard.refusing(refused)
  }

  /// The source parsed as a template expression.
  private func parse() throws -> Expression {
    var marker = "GITFORM_TEMPLATE_END"
    let lines = Set(
      source.split(separator: "\n", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      })
    while lines.contains(marker) { marker += "_" }
    let wrapped = "<<\(marker)\n\(source)\n\(marker)\n"
    let (parsed, diagnostics) = Parser.parseExpression(Array(wrapped.utf8), filename: filename)
    let errors = diagnostics.filter { $0.severity == .error }
    if !errors.isEmpty {
      let message = Self.message(errors)
      if filename == "<templatestring argument>" {
        throw FunctionError.argument(index: 0, "invalid template: \(message)")
      }
      throw FunctionError.call(message)
    }
    guard case .template(var template) = parsed.kind else { return parsed }
    // Take off the newline the wrapping added before the marker.
    if case .literal(let text, let range) = template.parts.last {
      if text.hasSuffix("\n") {
        let trimmed = String(text.dropLast())
        template.parts.removeLast()
        if !trimmed.isEmpty { template.parts.append(.literal(trimmed, range: range)) }
      } else if text.isEmpty {
        template.parts.removeLast()
      }
    }
    return Expression(.template(template), range: parsed.range)
  }

  /// hcl's `Diagnostics.Error()`: the first problem, and how many others there are.
  static func message(_ errors: [Diagnostic]) -> String {
    guard let first = errors.first else { return "" }
    let location = first.subject.map { text($0) + ": " } ?? ""
    var message = "\(location)\(first.summary); \(first.detail)"
    if errors.count > 1 { message += ", and \(errors.count - 1) other diagnostic(s)" }
    return message
  }

  /// A range as hcl writes it, on the source's own lines (the wrapping's first line removed).
  static func text(_ range: SourceRange) -> String {
    var shifted = range
    shifted.start.line = max(1, range.start.line - 1)
    shifted.end.line = max(1, range.end.line - 1)
    return Evaluator.rangeText(shifted)
  }

  /// hclsyntax's `ValidIdentifier`: a letter or `_`, then letters, digits, `_` and `-`.
  static func isIdentifier(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first,
      first.properties.isIDStart || first == "_"
    else { return false }
    return name.unicodeScalars.allSatisfy { $0.properties.isIDContinue || $0 == "-" }
  }
}
