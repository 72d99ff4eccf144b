/// `dynamic` blocks in resource bodies: their shape in HCL's `dynblock` words, and their
/// `content` checked against the nested block they generate.
extension ConfigDecoder {
  mutating func decodeDynamicBlocks(_ block: Block, schema: ResourceSchema) -> [DynamicBlock] {
    let hasDynamic = block.body.items.contains { item in
      if case .block(let nested) = item { return nested.type == "dynamic" }
      return false
    }
    guard hasDynamic else { return [] }
    let nestedNames = schema.nestedAttributes.map(\.name)
    let written = Set(block.body.attributes.map(\.name))
    var decoded: [DynamicBlock] = []
    for dynamic in block.body.blocks where dynamic.type == "dynamic" {
      guard dynamic.labels.count == 1 else {
        // HCL's own label messages, which Terraform shows for `dynamic`.
        let missing = dynamic.labels.isEmpty
        diagnostics.append(
          .error(
            missing ? "Missing type for dynamic" : "Extraneous label for dynamic",
            detail: missing
              ? "All dynamic blocks must have 1 labels (type)." : "Only 1 labels (type) are expected for dynamic blocks.",
            subject: missing ? dynamic.definitionRange : dynamic.labels[1].range))
        continue
      }
      let type = dynamic.labels[0].value
      guard let nestedSchema = schema.attribute(type), nestedNames.contains(type) else {
        diagnostics.append(
          .error(
            "Unsupported block type",
            detail: "Blocks of type \(Value.quoted(type)) are not expected here."
              + didYouMean(type, among: nestedNames),
            subject: dynamic.labels[0].range))
        continue
      }
      if written.contains(type) {
        diagnostics.append(
          .error(
            "Duplicate \(type)",
            detail: "\(Value.quoted(type)) is set both as an argument and as a dynamic block; "
              + "write it once.",
            subject: dynamic.labels[0].range))
      }
      rejectUnexpected(dynamic.body, attributes: ["for_each", "iterator"], blocks: ["content"])
      let attributes = Dictionary(
        dynamic.body.attributes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
      guard let forEach = attributes["for_each"] else {
        diagnostics.append(
          .error(
            "Missing required argument",
            detail: "The argument \"for_each\" is required, but no definition was found.",
            subject: dynamic.openBraceRange))
        continue
      }
      var iterator = type
      if let attribute = attributes["iterator"] {
        guard case .scopeTraversal(let traversal) = attribute.expression.kind else {
          diagnostics.append(
            .error(
              "Invalid expression",
              detail: "A single static variable reference is required: only attribute access and indexing with "
                + "constant keys. No calculations, function calls, template expressions, etc are allowed here.",
              subject: attribute.expression.range))
          continue
        }
        guard traversal.steps.isEmpty else {
          diagnostics.append(
            .error(
              "Invalid dynamic iterator name", detail: "Dynamic iterator must be a single variable name.",
              subject: attribute.expression.range))
          continue
        }
        iterator = traversal.root.name
      }
      let contents = dynamic.body.blocks.filter { $0.type == "content" }
      guard let content = contents.first else {
        diagnostics.append(
          .error(
            "Missing dynamic content block",
            detail: "A dynamic block must have a nested block of type \"content\" to describe the body of each "
              + "generated block.",
            subject: dynamic.closeBraceRange))
        continue
      }
      if contents.count > 1 {
        diagnostics.append(
          .error(
            "Extraneous dynamic content block",
            detail: "Only one nested content block is allowed for each dynamic block.",
            subject: contents[1].definitionRange))
        continue
      }
      _ = labels(content, [])
      rejectUnexpected(content.body, attributes: nestedSchema.nested.map(\.name))
      let contentWritten = Set(content.body.attributes.map(\.name))
      for attribute in nestedSchema.nested
      where attribute.presence == .required && !contentWritten.contains(attribute.name) {
        diagnostics.append(
          .error(
            "Missing required argument",
            detail: "The argument \(Value.quoted(attribute.name)) is required, but no definition was found.",
            subject: content.openBraceRange))
      }
      decoded.append(
        DynamicBlock(type: type, forEach: forEach.expression, iterator: iterator, content: content.body, block: dynamic))
    }
    return decoded
  }
}
