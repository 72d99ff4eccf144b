/// The functions an expression may call, by name, with "Did you mean" suggestions.
struct FunctionTable: Sendable {
  private var functions: [String: Function]
  /// Names handled by the evaluator itself because their arguments are evaluated lazily.
  static let lazyNames: Set<String> = ["can", "try"]

  init(_ functions: [Function]) {
    self.functions = Dictionary(
      functions.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
  }

  /// Terraform's functions that gitform supports.
  static let standard = FunctionTable(
    TimeFunctions.all + StringFunctions.all + FormatFunction.all + CollectionFunctions.all
      + SequenceFunctions.all + ConversionFunctions.all + EncodingFunctions.all
      + NumericFunctions.all + SensitivityFunctions.all + FileFunction.all + TextFunctions.all
      + ListFunctions.all + PairingFunctions.all + SetFunctions.all + MathFunctions.all
      + HashFunctions.all + Base64Functions.all + UUIDFunctions.all + PathFunctions.all
      + CIDRFunctions.all + CSVDecode.all + RegexFunctions.all + TemplateFunctions.all
      + YAMLFunctions.all)

  subscript(name: String) -> Function? { functions[name] }

  /// This table with each named function replaced by one that takes the same arguments and
  /// fails with the given reason (template functions inside templates, for example).
  func refusing(_ reasons: [String: String]) -> FunctionTable {
    var copy = self
    for (name, reason) in reasons {
      guard let original = functions[name] else { continue }
      copy.functions[name] = Function(
        name, original.parameters, variadic: original.variadic, returns: original.returnType
      ) { _, _ in throw FunctionError.call(reason) }
    }
    return copy
  }

  func contains(_ name: String) -> Bool {
    functions[name] != nil || Self.lazyNames.contains(name)
  }

  var names: [String] { (Array(functions.keys) + Self.lazyNames).sorted() }

  /// The closest known name when it is close enough to be a likely typo (distance < 3).
  func suggestion(for name: String) -> String? {
    NameSuggestion.suggest(name, among: names)
  }
}
