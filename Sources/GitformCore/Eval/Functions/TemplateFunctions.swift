/// `templatefile(path, vars)` and `templatestring(template, vars)`: a template rendered with
/// only its own variables (see `TemplateRenderer`).
///
/// `templatestring` also looks at how its first argument is written (Terraform refuses a
/// literal template there): the evaluator asks `templateArgumentProblem` before the call.
enum TemplateFunctions {
  static let all: [Function] = [
    Function(
      "templatefile",
      [StringFunctions.string("path"), CollectionFunctions.dynamic("vars")],
      returns: .dynamic
    ) { args, environment in
      let path = args[0].stringValue ?? ""
      let bytes = try FileFunction.read(path, environment)
      guard let source = String(validating: bytes, as: UTF8.self) else {
        throw FunctionError.call(
          "contents of \(StringQuoting.quote(path, .go)) are not valid UTF-8; use the filebase64 function to "
            + "obtain the Base64 encoded contents or the other file functions (e.g. filemd5, "
            + "filesha256) to obtain file hashing results instead")
      }
      var renderer = TemplateRenderer(source: source, filename: path, allowFilesystem: true)
      return try renderer.render(vars: args[1], environment: environment)
    },
    Function(
      "templatestring",
      [CollectionFunctions.dynamic("template"), CollectionFunctions.dynamic("vars")],
      returns: .string
    ) { args, environment in
      guard args[0].type == .string, let source = args[0].stringValue else {
        throw FunctionError.argument(index: 0, "invalid template value: a string is required")
      }
      var renderer = TemplateRenderer(
        source: source, filename: "<templatestring argument>", allowFilesystem: false)
      let result = try renderer.render(vars: args[1], environment: environment)
      switch result.converted(to: .string) {
      case .success(let text): return text
      case .failure(let error):
        throw FunctionError.call("invalid template result: \(error.message)")
      }
    },
  ]

  /// Why `expression` may not be `templatestring`'s template argument, in Terraform's words,
  /// or nil: it must be a reference to a string from elsewhere, not a template written there.
  static func templateArgumentProblem(_ expression: Expression) -> String? {
    let prefix =
      "invalid template expression: templatestring is only for rendering templates "
      + "retrieved dynamically from elsewhere"
    switch expression.kind {
    case .template(let template):
      if template.unwrapped != nil {
        return prefix + "; to treat the inner expression as template syntax, write the reference "
          + "expression directly without any template interpolation syntax"
      }
      if template.parts.count == 1, case .literal = template.parts[0] {
        return prefix + ", and so does not support providing a literal template; consider using "
          + "a template string expression instead"
      }
      if template.parts.isEmpty {
        return prefix + ", and so does not support providing a literal template; consider using "
          + "a template string expression instead"
      }
      return prefix + "; to render an inline template, consider using a plain template string "
        + "expression"
    default:
      return isReference(expression)
        ? nil
        : "invalid template expression: must be a direct reference to a single string from "
          + "elsewhere, containing valid Terraform template syntax"
    }
  }

  /// References, and index, attribute or splat steps after one.
  private static func isReference(_ expression: Expression) -> Bool {
    switch expression.kind {
    case .scopeTraversal: return true
    case .relativeTraversal(let source, _): return isReference(source)
    case .index(let collection, _, _): return isReference(collection)
    case .splat(let splat): return isReference(splat.source)
    default: return false
    }
  }
}
