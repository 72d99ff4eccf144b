extension StateDecoder {
  func instance(_ value: JSON, field: String) throws(StateError) -> ResourceInstance {
    guard case .object = value else { throw invalid(field, "must be an object") }
    if value["attributes_flat"] != nil {
      throw invalid(
        field + ".attributes_flat", "is the legacy flat format; rewrite the state with Terraform 1.x first")
    }
    var instance = ResourceInstance()
    switch value["index_key"] {
    case nil, .null?: break
    case .string(let key)?: instance.indexKey = .string(key)
    case let number?:
      guard let index = number.int64Value, let small = Int(exactly: index) else {
        throw invalid(field + ".index_key", "must be an integer or a string")
      }
      instance.indexKey = .int(small)
    }
    if let statusValue = value["status"], !statusValue.isNull {
      guard let text = statusValue.stringValue, let status = ResourceInstance.Status(rawValue: text) else {
        throw invalid(field + ".status", "must be \"tainted\" when present")
      }
      instance.status = status
    }
    if let deposedValue = value["deposed"], !deposedValue.isNull {
      instance.deposed = try string(deposedValue, field: field + ".deposed")
    }
    guard let schemaVersion = (value["schema_version"] ?? .integer(0)).uint64Value else {
      throw invalid(field + ".schema_version", "must be a non-negative integer")
    }
    instance.schemaVersion = schemaVersion
    let attributes = value["attributes"] ?? .object([])
    guard case .object = attributes else { throw invalid(field + ".attributes", "must be an object") }
    instance.attributes = attributes
    for (offset, pathValue) in try optionalArray(value["sensitive_attributes"], field: field + ".sensitive_attributes").enumerated() {
      instance.sensitiveAttributes.append(
        try attributePath(pathValue, field: field + ".sensitive_attributes[\(offset)]"))
    }
    if let privateValue = value["private"], !privateValue.isNull {
      instance.privateData = try string(privateValue, field: field + ".private")
    }
    for (offset, dependency) in try optionalArray(value["dependencies"], field: field + ".dependencies").enumerated() {
      instance.dependencies.append(try string(dependency, field: field + ".dependencies[\(offset)]"))
    }
    instance.createBeforeDestroy = try optionalBool(
      value["create_before_destroy"], field: field + ".create_before_destroy")
    return instance
  }

  /// One `[{"type": "get_attr", "value": "x"}, {"type": "index", "value": 0}]` path.
  func attributePath(_ value: JSON, field: String) throws(StateError) -> AttributePath {
    guard let stepValues = value.arrayElements else { throw invalid(field, "must be an array of steps") }
    var steps: [AttributePath.Step] = []
    for (offset, step) in stepValues.enumerated() {
      switch (step["type"]?.stringValue, step["value"]) {
      case ("get_attr"?, .string(let name)?): steps.append(.attribute(name))
      case ("index"?, let key?) where key.stringValue != nil || key.int64Value != nil:
        steps.append(.index(key))
      default:
        throw invalid(
          field + "[\(offset)]",
          "must be {\"type\": \"get_attr\", \"value\": NAME} or {\"type\": \"index\", \"value\": KEY}")
      }
    }
    return AttributePath(steps)
  }
}
