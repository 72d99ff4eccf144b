/// `variable`, `locals`, `output`, `provider` and `import` blocks.
extension ConfigDecoder {
  mutating func decodeVariable(_ block: Block) {
    guard let name = labels(block, ["name"])?.first else { return }
    if ["count", "depends_on", "for_each", "lifecycle", "locals", "providers", "source", "version"]
      .contains(name)
    {
      diagnostics.append(
        .error(
          "Invalid variable name",
          detail: "The variable name \(Value.quoted(name)) is reserved.", subject: block.labels[0].range))
      return
    }
    rejectUnexpected(
      block.body, attributes: ["default", "description", "nullable", "sensitive", "type"],
      blocks: ["validation"])
    var variable = VariableBlock(
      name: name, type: .dynamic, defaultValue: nil, description: "", sensitive: false,
      nullable: true, validations: [], block: block)
    for attribute in block.body.attributes {
      switch attribute.name {
      case "type":
        switch TypeConstraint.parseWithDefaults(attribute.expression) {
        case .success(let parsed):
          variable.type = parsed.type
          variable.typeDefaults = parsed.defaults
        case .failure(let invalid): diagnostics.append(invalid.diagnostic)
        }
      case "description":
        variable.description = constant(attribute.expression, as: .string, what: "description")?.stringValue ?? ""
      case "sensitive":
        variable.sensitive = constant(attribute.expression, as: .bool, what: "sensitive flag")?.boolValue ?? false
      case "nullable":
        variable.nullable = constant(attribute.expression, as: .bool, what: "nullable flag")?.boolValue ?? true
      default: break
      }
    }
    if let defaultAttribute = block.body.attributes.first(where: { $0.name == "default" }),
      let value = constant(defaultAttribute.expression, as: .dynamic, what: "default value")
    {
      switch variable.convert(value) {
      case .success(let converted): variable.defaultValue = converted
      case .failure(let error):
        diagnostics.append(
          .error(
            "Invalid default value for variable",
            detail: "This default value is not compatible with the variable's type constraint: \(error.message).",
            subject: defaultAttribute.expression.range))
      }
    }
    for validation in block.body.blocks where validation.type == "validation" {
      rejectUnexpected(validation.body, attributes: ["condition", "error_message"])
      let attributes = Dictionary(
        validation.body.attributes.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
      guard let condition = attributes["condition"], let message = attributes["error_message"] else {
        diagnostics.append(
          .error(
            "Missing required argument",
            detail: "A validation block needs both condition and error_message.",
            subject: validation.openBraceRange))
        continue
      }
      variable.validations.append(
        VariableValidation(condition: condition.expression, errorMessage: message.expression))
    }
    if let first = configuration.variables.first(where: { $0.name == name }) {
      diagnostics.append(
        .error(
          "Duplicate variable declaration",
          detail: "A variable named \(Value.quoted(name)) was already declared at "
            + "\(first.block.definitionRange). Variable names must be unique.",
          subject: block.definitionRange))
      return
    }
    configuration.variables.append(variable)
  }

  mutating func decodeLocals(_ block: Block) {
    _ = labels(block, [])
    rejectUnexpected(block.body, attributes: block.body.attributes.map(\.name))
    for attribute in block.body.attributes {
      if let first = localRanges[attribute.name] {
        diagnostics.append(
          .error(
            "Duplicate local value definition",
            detail: "A local value named \(Value.quoted(attribute.name)) was already defined at "
              + "\(first). Local value names must be unique.", subject: attribute.nameRange))
        continue
      }
      localRanges[attribute.name] = attribute.range
      configuration.locals.append(
        LocalValue(name: attribute.name, expression: attribute.expression, range: attribute.range))
    }
  }

  mutating func decodeOutput(_ block: Block) {
    guard let name = labels(block, ["name"])?.first else { return }
    rejectUnexpected(
      block.body, attributes: ["depends_on", "description", "sensitive", "value"])
    let attributes = Dictionary(block.body.attributes.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    guard let value = attributes["value"] else {
      diagnostics.append(
        .error(
          "Missing required argument",
          detail: "The argument \"value\" is required, but no definition was found.",
          subject: block.openBraceRange))
      return
    }
    let description = attributes["description"].flatMap {
      constant($0.expression, as: .string, what: "description")?.stringValue
    }
    let sensitive = attributes["sensitive"].flatMap {
      constant($0.expression, as: .bool, what: "sensitive flag")?.boolValue
    }
    if let first = configuration.outputs.first(where: { $0.name == name }) {
      diagnostics.append(
        .error(
          "Duplicate output definition",
          detail: "An output named \(Value.quoted(name)) was already defined at "
            + "\(first.block.definitionRange). Output names must be unique.",
          subject: block.definitionRange))
      return
    }
    configuration.outputs.append(
      OutputBlock(
        name: name, value: value.expression, description: description ?? "",
        sensitive: sensitive ?? false, block: block))
  }

  mutating func decodeProvider(_ block: Block) {
    guard let name = labels(block, ["name"])?.first else { return }
    guard name == "gitlab" else {
      diagnostics.append(
        .error(
          "Unsupported provider",
          detail: "gitform has one provider, \"gitlab\"; \(Value.quoted(name)) is not supported.",
          subject: block.labels[0].range))
      return
    }
    rejectUnexpected(
      block.body,
      attributes: [
        "base_url", "cacert_file", "insecure", "insecure_http", "request_timeout", "retries", "token",
      ])
    guard configuration.provider == nil else {
      diagnostics.append(
        .error(
          "Duplicate provider configuration",
          detail: "The gitlab provider is already configured.", subject: block.definitionRange))
      return
    }
    let attributes = Dictionary(block.body.attributes.map { ($0.name, $0.expression) }, uniquingKeysWith: { a, _ in a })
    configuration.provider = ProviderBlock(
      baseURL: attributes["base_url"], token: attributes["token"], insecure: attributes["insecure"],
      caCertificateFile: attributes["cacert_file"], insecureHTTP: attributes["insecure_http"],
      requestTimeout: attributes["request_timeout"], retries: attributes["retries"], block: block)
  }

  mutating func decodeImport(_ block: Block) {
    _ = labels(block, [])
    rejectUnexpected(block.body, attributes: ["id", "to"])
    let attributes = Dictionary(block.body.attributes.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    guard let to = attributes["to"], let id = attributes["id"] else {
      diagnostics.append(
        .error(
          "Missing required argument", detail: "An import block needs both to and id.",
          subject: block.openBraceRange))
      return
    }
    guard case .scopeTraversal(let traversal) = to.expression.kind,
      let address = try? InstanceAddress.parse(ReferenceChecker.text(of: traversal))
    else {
      diagnostics.append(
        .error(
          "Invalid import address",
          detail: "The to argument must be a resource instance address such as user_token.ci.",
          subject: to.expression.range))
      return
    }
    configuration.imports.append(ImportBlock(to: address, id: id.expression, block: block))
  }
}
