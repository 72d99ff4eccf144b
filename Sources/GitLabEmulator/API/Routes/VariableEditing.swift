import Foundation

/// Creating and updating CI/CD variables, with the model validations of §6.1 in GitLab's
/// `render_validation_error!` shape.
enum VariableEditing {
  static let types: Set<String> = ["env_var", "file"]

  static func create(_ kind: ResourceReference.Kind, _ request: APIRequest,
    _ data: inout StoreData) throws -> Reply
  {
    let owner = try VariableRoutes.resource(kind, request, data)
    let params = request.params
    try params.require(["key", "value"])
    // The instance model has neither `environment_scope` nor `hidden`: both are ignored.
    let instance = kind == .instance
    let hiddenToo = try !instance && (params.bool("masked_and_hidden") ?? false)
    let masked = try params.bool("masked") ?? false
    var variable = VariableRecord(
      id: 0, owner: owner,
      key: (try params.string("key") ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
      value: try params.string("value") ?? "",
      variableType: try params.choice("variable_type", in: types) ?? "env_var",
      isProtected: try params.bool("protected") ?? false,
      masked: hiddenToo || masked, hidden: hiddenToo,
      raw: try params.bool("raw") ?? false,
      environmentScope: instance
        ? "*" : (try params.string("environment_scope") ?? "*").trimmingCharacters(in: .whitespacesAndNewlines),
      description: try params.string("description"))
    try validate(variable, data)
    variable.id = data.takeVariableID()
    data.save(variable)
    return .json(NamespaceEntity.variable(variable), status: 201)
  }

  static func update(_ kind: ResourceReference.Kind, _ request: APIRequest,
    _ data: inout StoreData) throws -> Reply
  {
    let owner = try VariableRoutes.resource(kind, request, data)
    let original = try VariableRoutes.find(owner, request, data, firstWins: kind == .group)
    let params = request.params
    var variable = original
    if let value = try params.string("value") { variable.value = value }
    if let type = try params.choice("variable_type", in: types) { variable.variableType = type }
    if let flag = try params.bool("protected") { variable.isProtected = flag }
    if let flag = try params.bool("raw") { variable.raw = flag }
    if let text = try params.string("description") { variable.description = text }
    if kind != .instance, let scope = try params.string("environment_scope") {
      variable.environmentScope = scope.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    if kind != .instance, let hidden = try params.bool("hidden"), hidden != original.hidden {
      throw APIError.validation([("base", ["Only new variables can be set as masked and hidden."])])
    }
    if let masked = try params.bool("masked") {
      if original.hidden, masked != original.masked {
        throw APIError.validation([
          ("base", ["The visibility setting cannot be changed for masked and hidden variables."])
        ])
      }
      variable.masked = masked
    }
    try validate(variable, data)
    data.save(variable)
    return .json(NamespaceEntity.variable(variable))
  }

  /// The model validations, all collected, attributes in a stable order.
  static func validate(_ variable: VariableRecord, _ data: StoreData) throws {
    var errors: [(String, [String])] = []
    func add(_ attribute: String, _ message: String) {
      if let index = errors.firstIndex(where: { $0.0 == attribute }) {
        errors[index].1.append(message)
      } else {
        errors.append((attribute, [message]))
      }
    }
    let key = variable.key
    if key.isEmpty { add("key", "can't be blank") }
    if key.count > 255 { add("key", "is too long (maximum is 255 characters)") }
    if !key.isEmpty, !key.unicodeScalars.allSatisfy(isKeyCharacter) {
      add("key", "can contain only letters, digits and '_'.")
    }
    let taken = data.variables(of: variable.owner).contains {
      $0.id != variable.id && $0.key == key
        && $0.environmentScope == variable.environmentScope
    }
    if taken { add("key", "(\(key)) has already been taken") }
    let scope = variable.environmentScope
    if scope.isEmpty { add("environment_scope", "can't be blank") }
    if !scope.isEmpty, !scope.unicodeScalars.allSatisfy(isScopeCharacter) {
      add("environment_scope",
        "can contain only letters, digits, '-', '_', '/', '$', '{', '}', '.', '*' and spaces")
    }
    if variable.masked, !isMaskable(variable.value, raw: variable.raw) { add("value", "is invalid") }
    if variable.owner.kind == .instance, variable.value.count > 10_000 {
      add("value", "The value of the provided variable exceeds the 10000 character limit")
    }
    if (variable.description?.count ?? 0) > 255 {
      add("description", "is too long (maximum is 255 characters)")
    }
    if variable.hidden, !variable.masked { add("masked", "should be true when variable is hidden") }
    if !errors.isEmpty { throw APIError.validation(errors) }
  }

  static func isKeyCharacter(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "_")
  }

  static func isScopeCharacter(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "_/${}. -*".unicodeScalars.contains(scalar))
  }

  /// Masked values: ≥ 8 characters of Base64 plus `@:.~-`, or for raw variables ≥ 8
  /// non-whitespace characters; never multi-line.
  static func isMaskable(_ value: String, raw: Bool) -> Bool {
    guard value.unicodeScalars.count >= 8 else { return false }
    if raw {
      return !value.unicodeScalars.contains { CharacterSet.whitespacesAndNewlines.contains($0) }
    }
    return value.unicodeScalars.allSatisfy {
      $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "_+=/@:.~-".unicodeScalars.contains($0))
    }
  }
}
