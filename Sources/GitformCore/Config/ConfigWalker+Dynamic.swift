/// Nested blocks of one instance: the block form of a nested attribute, and `dynamic` blocks
/// expanded after HCL's `dynblock` (one block per element of `for_each`, read through the
/// iterator's `key` and `value`), with its messages.
extension ConfigWalker {
  /// The object a nested block's body describes: written attributes converted, the rest null.
  mutating func nestedObject(_ body: Body, schema nestedSchema: AttributeSchema, in context: EvalContext) -> Value {
    var attributes: [String: Value] = [:]
    for attributeSchema in nestedSchema.nested { attributes[attributeSchema.name] = .null(attributeSchema.type) }
    for attribute in body.attributes {
      guard let attributeSchema = nestedSchema.nested.first(where: { $0.name == attribute.name }) else { continue }
      attributes[attribute.name] = evaluate(
        attribute.expression, as: attributeSchema.type, name: attribute.name, in: context)
    }
    return .object(attributes)
  }

  /// Every `dynamic` block of `resource` into `values`. A nested block appears at most once, so
  /// a second generated (or static) block is Terraform's "Too many ... blocks"; none leaves the
  /// attribute null; an unknown `for_each` makes it unknown.
  mutating func expandDynamicBlocks(
    of resource: ResourceBlock, schema: ResourceSchema, in context: EvalContext,
    into values: inout [String: Value], ranges: inout AttributeRanges
  ) {
    var generated = Set(resource.block.body.blocks.map(\.type))
    for dynamic in resource.dynamicBlocks {
      guard let nestedSchema = schema.attribute(dynamic.type), values[dynamic.type] == nil || generated.contains(dynamic.type)
      else { continue }
      let (forEach, problems) = Evaluator.evaluate(dynamic.forEach, in: context)
      diagnostics += problems
      guard problems.isEmpty else { continue }
      func invalid(_ detail: String) {
        diagnostics.append(.error("Invalid dynamic for_each value", detail: detail, subject: dynamic.forEach.range))
      }
      if !(forEach.type.isSequence || forEach.type.isMapping || forEach.type == .dynamic) {
        invalid("Cannot use a \(forEach.type.friendlyName) value in for_each. An iterable collection is required.")
        continue
      }
      if forEach.isNull {
        invalid("Cannot use a null value in for_each.")
        continue
      }
      ranges.attributes[dynamic.type] = dynamic.block.definitionRange
      guard forEach.isKnown else {
        values[dynamic.type] = Value.unknown(nestedSchema.type).marked(sensitive: forEach.isSensitive)
        continue
      }
      for (key, element) in Self.iterations(of: forEach) {
        guard generated.insert(dynamic.type).inserted else {
          diagnostics.append(
            .error(
              "Too many \(dynamic.type) blocks",
              detail: "No more than 1 \(Value.quoted(dynamic.type)) block is allowed.",
              subject: dynamic.block.definitionRange))
          break
        }
        var iterationContext = context
        iterationContext.variables[dynamic.iterator] = Value.object(["key": key, "value": element])
          .marked(sensitive: forEach.isSensitive)
        values[dynamic.type] = nestedObject(dynamic.content, schema: nestedSchema, in: iterationContext)
          .marked(sensitive: forEach.isSensitive)
      }
    }
  }

  /// (key, value) of each element: list and tuple indexes, a set's elements as their own keys,
  /// map and object keys in order.
  static func iterations(of collection: Value) -> [(Value, Value)] {
    if collection.type.isMapping {
      return (collection.sortedAttributes ?? []).map { (.string($0.key), $0.value) }
    }
    let elements = collection.elements ?? []
    if case .set = collection.type { return elements.map { ($0, $0) } }
    return elements.enumerated().map { (.number($0.offset), $0.element) }
  }
}
