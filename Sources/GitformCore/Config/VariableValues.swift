import Foundation

/// One `-var 'k=v'` or `-var-file=FILE` from the command line, in the order given.
public enum VariableArgument: Sendable, Equatable {
  case assignment(String)
  case file(String)
}

/// The value of every input variable, from (lowest precedence first) its default,
/// `GITFORM_VAR_<name>`, the auto-loaded `gitform.gfvars`, then `-var-file` and `-var` in
/// command-line order; then type conversion, `nullable`, `sensitive` and `validation` checks.
public enum VariableValues {
  public static let autoFile = "gitform.gfvars"

  /// Where a variable's value came from, for the message when it does not fit the type.
  enum Origin {
    case environment(String)
    case commandLine
    /// The assignment's value in a variables file.
    case file(SourceRange)
  }

  /// Everything the variables were read from, as diagnostics need it.
  struct Inputs {
    var values: [String: Value] = [:]
    var origins: [String: Origin] = [:]
    /// The variables files and `<value for var.NAME>` texts, so that a diagnostic about them
    /// shows the offending text instead of "(source code not available)".
    var sources: [DiagnosticSource] = []
  }

  public static func resolve(
    _ configuration: Configuration, arguments: [VariableArgument], environment: [String: String],
    context: EvalContext
  ) -> ([String: Value], [Diagnostic]) {
    let (values, diagnostics, _) = resolveWithSources(
      configuration, arguments: arguments, environment: environment, context: context)
    return (values, diagnostics)
  }

  /// `resolve`, plus the sources of the values given as text (variables files, `-var` and
  /// `GITFORM_VAR_` values), for rendering the diagnostics about them.
  public static func resolveWithSources(
    _ configuration: Configuration, arguments: [VariableArgument], environment: [String: String],
    context: EvalContext
  ) -> ([String: Value], [Diagnostic], [DiagnosticSource]) {
    var diagnostics: [Diagnostic] = []
    var inputs = Inputs()
    let declared = Dictionary(configuration.variables.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })

    for (key, text) in environment.sorted(by: { $0.key < $1.key }) where key.hasPrefix("GITFORM_VAR_") {
      let name = String(key.dropFirst("GITFORM_VAR_".count))
      guard let variable = declared[name] else { continue }  // as Terraform: ignored silently
      if let value = parseText(text, for: variable, into: &inputs, &diagnostics) {
        inputs.values[name] = value
        inputs.origins[name] = .environment(key)
      }
    }
    let autoPath = URL(fileURLWithPath: configuration.directory).appendingPathComponent(autoFile).path
    if FileManager.default.fileExists(atPath: autoPath) {
      loadFile(autoPath, shownAs: autoFile, declared: declared, into: &inputs, &diagnostics)
    }
    for argument in arguments {
      switch argument {
      case .file(let path):
        let full = path.hasPrefix("/") ? path : URL(fileURLWithPath: configuration.directory).appendingPathComponent(path).path
        guard FileManager.default.fileExists(atPath: full) else {
          diagnostics.append(
            .error("Failed to read variables file", detail: "Given variables file \(path) does not exist."))
          continue
        }
        loadFile(full, shownAs: path, declared: declared, into: &inputs, &diagnostics)
      case .assignment(let text):
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
          diagnostics.append(
            .error(
              "Invalid -var option",
              detail: "The given -var option \(Value.quoted(text)) is not correctly specified. It must be a variable name and value separated by an equals sign, like -var=\"key=value\"."))
          continue
        }
        let name = String(text[..<equals])
        guard let variable = declared[name] else {
          diagnostics.append(
            .error(
              "Value for undeclared variable",
              detail: "A variable named \(Value.quoted(name)) was assigned on the command line, but the root module does not declare a variable of that name."
                + (NameSuggestion.suggest(name, among: declared.keys.sorted()).map { " Did you mean \(Value.quoted($0))?" } ?? "")
                + " To use this value, add a \"variable\" block to the configuration."))
          continue
        }
        if let value = parseText(String(text[text.index(after: equals)...]), for: variable, into: &inputs, &diagnostics) {
          inputs.values[name] = value
          inputs.origins[name] = .commandLine
        }
      }
    }

    var values: [String: Value] = [:]
    for variable in configuration.variables {
      guard let given = inputs.values[variable.name] ?? variable.defaultValue else {
        diagnostics.append(
          .error(
            "No value for required variable",
            detail: "The root module input variable \(Value.quoted(variable.name)) is not set, and has no default value. Use a -var or -var-file command line argument, or GITFORM_VAR_\(variable.name), to provide a value for this variable.",
            subject: variable.block.definitionRange))
        continue
      }
      var value: Value
      switch variable.convert(given) {
      case .success(let converted): value = converted
      case .failure(let error):
        diagnostics.append(unsuitable(variable, from: inputs.values[variable.name] == nil ? nil : inputs.origins[variable.name], error.message))
        continue
      }
      if value.isNull && !variable.nullable {
        diagnostics.append(
          .error(
            "Required variable not set",
            detail: "Unsuitable value for var.\(variable.name): required variable may not be set to null.",
            subject: variable.block.definitionRange))
        continue
      }
      value = value.marked(sensitive: variable.sensitive)
      values[variable.name] = value
      diagnostics += validate(variable, value: value, context: context)
    }
    return (values, diagnostics, inputs.sources)
  }

  /// A value that does not convert to the variable's type, worded as Terraform words it for
  /// each origin: a file's value is shown where it was written, others at the declaration.
  static func unsuitable(_ variable: VariableBlock, from origin: Origin?, _ problem: String) -> Diagnostic {
    let declaration = variable.block.definitionRange
    switch origin {
    case .file(let range)?:
      return .error(
        "Invalid value for input variable",
        detail: "The given value is not suitable for var.\(variable.name) declared at \(declaration): \(problem).",
        subject: range)
    case .commandLine?:
      return .error(
        "Invalid value for input variable",
        detail: "Unsuitable value for var.\(variable.name) set using -var=\"\(variable.name)=...\": \(problem).",
        subject: declaration)
    case .environment(let key)?:
      return .error(
        "Invalid value for input variable",
        detail: "Unsuitable value for var.\(variable.name) set using the \(key) environment variable: \(problem).",
        subject: declaration)
    case nil:
      return .error(
        "Invalid value for input variable",
        detail: "The given value is not suitable for var.\(variable.name): \(problem).",
        subject: declaration)
    }
  }

  /// Runs the variable's `validation` blocks; a false condition is an error with its message.
  static func validate(_ variable: VariableBlock, value: Value, context: EvalContext) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var scope = context
    scope.variables["var"] = .object([variable.name: value])
    for validation in variable.validations {
      let (result, problems) = Evaluator.evaluate(validation.condition, in: scope)
      diagnostics += problems
      guard problems.isEmpty, result.isKnown else { continue }
      guard case .success(let converted) = result.converted(to: .bool), let passed = converted.boolValue else {
        diagnostics.append(
          .error(
            "Invalid validation result", detail: "The condition must produce true or false.",
            subject: validation.condition.range))
        continue
      }
      if !passed {
        let (message, _) = Evaluator.evaluate(validation.errorMessage, in: EvalContext(mode: .validate))
        let text = (message.isSensitive ? nil : message.stringValue) ?? "The value of var.\(variable.name) is not valid."
        diagnostics.append(
          .error(
            "Invalid value for variable",
            detail: text + "\n\nThis was checked by the validation rule at \(validation.condition.range).",
            subject: validation.condition.range))
      }
    }
    return diagnostics
  }

  /// A value given as text: a plain string for primitive types, an HCL expression otherwise.
  static func parseText(
    _ text: String, for variable: VariableBlock, into inputs: inout Inputs,
    _ diagnostics: inout [Diagnostic]
  ) -> Value? {
    if variable.type.isPrimitive || variable.type == .dynamic && !(text.hasPrefix("[") || text.hasPrefix("{")) {
      return .string(text)
    }
    // Terraform's pseudo-file name for a value given as text.
    let filename = "<value for var.\(variable.name)>"
    let bytes = Array(text.utf8)
    inputs.sources.append(DiagnosticSource(filename: filename, bytes: bytes))
    let (expression, problems) = Parser.parseExpression(bytes, filename: filename)
    let (value, evalProblems) = Evaluator.evaluate(expression, in: EvalContext(mode: .validate))
    let all = problems + evalProblems
    if !all.isEmpty {
      diagnostics += all
      return nil
    }
    return value
  }

  /// Assignments `name = value` of a variables file in HCL syntax.
  static func loadFile(
    _ path: String, shownAs name: String, declared: [String: VariableBlock],
    into inputs: inout Inputs, _ diagnostics: inout [Diagnostic]
  ) {
    guard let data = FileManager.default.contents(atPath: path) else {
      diagnostics.append(.error("Failed to read variables file", detail: "Cannot read \(name)."))
      return
    }
    inputs.sources.append(DiagnosticSource(parsing: Array(data), filename: name))
    let (file, problems) = Parser.parse(Array(data), filename: name)
    diagnostics += problems
    for block in file.body.blocks {
      diagnostics.append(
        .error("Unexpected block", detail: "A variables file may contain only assignments, not blocks.", subject: block.typeRange))
    }
    for attribute in file.body.attributes {
      guard declared[attribute.name] != nil else {
        diagnostics.append(
          .warning(
            "Value for undeclared variable",
            detail: "The variables file assigns \(Value.quoted(attribute.name)), which the configuration does not declare.",
            subject: attribute.nameRange))
        continue
      }
      let (value, evalProblems) = Evaluator.evaluate(attribute.expression, in: EvalContext(mode: .validate))
      diagnostics += evalProblems
      if evalProblems.isEmpty {
        inputs.values[attribute.name] = value
        inputs.origins[attribute.name] = .file(attribute.expression.range)
      }
    }
  }
}
