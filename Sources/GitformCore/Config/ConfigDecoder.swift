/// Decodes top-level blocks into `Configuration` values, reporting what does not belong.
///
/// Checks here need only the syntax and the schemas: block and argument names (with "Did you
/// mean"), labels, duplicates, required arguments and meta-arguments. Values are checked later,
/// when instances are evaluated.
struct ConfigDecoder {
  var configuration: Configuration
  var diagnostics: [Diagnostic] = []
  /// Where each local value was first defined, for the duplicate check without a scan.
  var localRanges: [String: SourceRange] = [:]
  /// Rejected hashicorp/time resources by "type.name", so references to them get the same advice.
  var timeResources: [String: Block] = [:]
  /// False when the caller runs `referenceCheck` itself, beside other work.
  var checksReferences = true
  /// `checkBody`'s accepted names by resource mode and type, made once per type.
  var bodyExpectations: [String: BodyExpectation] = [:]
  /// For a called module: the loader, this module's folder relative to the root's, and the
  /// folders of the modules that lead to it. Nil for the root module.
  var loader: (loader: ModuleLoader, path: String, ancestry: [String])?

  mutating func decodeFile(_ body: Body) {
    // Room for every block as a resource: growing the array moved every block decoded so far.
    // Doubling at least, so that many small files do not each reallocate it.
    let needed = configuration.resources.count + body.items.count
    if needed > configuration.resources.capacity {
      configuration.resources.reserveCapacity(max(needed, configuration.resources.capacity * 2))
    }
    for item in body.items {
      switch item {
      case .attribute(let attribute):
        diagnostics.append(
          .error(
            "Unsupported argument",
            detail: "An argument named \(Value.quoted(attribute.name)) is not expected here.",
            subject: attribute.nameRange))
      case .block(let block):
        decodeBlock(block)
      }
    }
  }

  private mutating func decodeBlock(_ block: Block) {
    switch block.type {
    case "resource": decodeResource(block, mode: .managed)
    case "data": decodeResource(block, mode: .data)
    case "variable": decodeVariable(block)
    case "locals": decodeLocals(block)
    case "output": decodeOutput(block)
    case "provider": decodeProvider(block)
    case "import": decodeImport(block)
    case "gitform": decodeGitform(block)
    case "moved": decodeMoved(block)
    case "removed": decodeRemoved(block)
    case "check": decodeCheck(block)
    case "module": decodeModule(block)
    default:
      diagnostics.append(
        .error(
          "Unsupported block type",
          detail: "Blocks of type \(Value.quoted(block.type)) are not expected here."
            + didYouMean(block.type, among: ConfigLoader.blockTypes),
          subject: block.typeRange))
    }
  }

  /// The block's labels when there are exactly `names.count`, else an error.
  mutating func labels(_ block: Block, _ names: [String]) -> [String]? {
    guard block.labels.count == names.count else {
      let what = names.count == 1 ? "a \(names[0]) label" : "\(names.count) labels (\(names.joined(separator: ", ")))"
      diagnostics.append(
        .error(
          block.labels.count < names.count ? "Missing name for \(block.type)" : "Extra label on \(block.type) block",
          detail: "All \(block.type) blocks must have \(what).",
          subject: block.labels.count > names.count ? block.labels[names.count].range : block.definitionRange))
      return nil
    }
    let values = block.labels.map(\.value)
    for (label, value) in zip(block.labels, values) where !ConfigDecoder.isIdentifier(value) {
      diagnostics.append(
        .error(
          "Invalid name",
          detail: "A name must start with a letter or underscore and may contain only letters, "
            + "digits, underscores, and dashes.", subject: label.range))
      return nil
    }
    return values
  }

  static func isIdentifier(_ text: String) -> Bool {
    // ASCII names (nearly all) are decided on bytes: Unicode properties cost a table lookup
    // per scalar, 5% of validating 10,000 resources. The same letters as `isAlphabetic`.
    if let ascii = text.utf8.withContiguousStorageIfAvailable({ bytes -> Bool? in
      func letter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
      guard let first = bytes.first, bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      guard letter(first) || first == UInt8(ascii: "_") else { return false }
      return bytes.allSatisfy {
        letter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
      }
    }), let ascii {
      return ascii
    }
    guard let first = text.unicodeScalars.first,
      first.properties.isAlphabetic || first == "_"
    else { return false }
    return text.unicodeScalars.allSatisfy {
      $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
    }
  }

  func didYouMean(_ given: String, among candidates: [String]) -> String {
    NameSuggestion.suggest(given, among: candidates).map { " Did you mean \(Value.quoted($0))?" } ?? ""
  }

  /// Reports every attribute and block of `body` not in the allowed lists.
  mutating func rejectUnexpected(
    _ body: Body, attributes: [String], blocks: [String] = []
  ) {
    // A set: a locals block passes every one of its (maybe 10,000) names as expected.
    rejectUnexpected(body, attributes: attributes, expected: Set(attributes), blocks: blocks)
  }

  /// The same with the set of `attributes` already made (once per resource type, not per block).
  mutating func rejectUnexpected(
    _ body: Body, attributes: [String], expected: Set<String>, blocks: [String]
  ) {
    for item in body.items {
      switch item {
      case .attribute(let attribute) where !expected.contains(attribute.name):
        var detail = "An argument named \(Value.quoted(attribute.name)) is not expected here."
        if blocks.contains(attribute.name) {
          detail += " Did you mean to define a block of type \(Value.quoted(attribute.name))?"
        } else {
          detail += didYouMean(attribute.name, among: attributes)
        }
        diagnostics.append(.error("Unsupported argument", detail: detail, subject: attribute.nameRange))
      case .block(let block) where !blocks.contains(block.type):
        var detail = "Blocks of type \(Value.quoted(block.type)) are not expected here."
        if attributes.contains(block.type) {
          detail += " Did you mean to define argument \(Value.quoted(block.type))? If so, use the "
            + "equals sign to assign it a value."
        } else {
          detail += didYouMean(block.type, among: blocks)
        }
        diagnostics.append(.error("Unsupported block type", detail: detail, subject: block.typeRange))
      default:
        break
      }
    }
  }

  /// A value that must be known without any variables (descriptions, flags, lifecycle).
  mutating func constant(_ expression: Expression, as type: ValueType, what: String) -> Value? {
    let (value, problems) = Evaluator.evaluate(expression, in: EvalContext(mode: .validate))
    if !problems.isEmpty {
      diagnostics += problems.map {
        var copy = $0
        copy.summary = "Invalid \(what)"
        copy.detail = "The \(what) must be a constant: " + $0.detail
        return copy
      }
      return nil
    }
    switch value.converted(to: type) {
    case .success(let converted) where converted.isWhollyKnown: return converted
    case .success:
      diagnostics.append(
        .error("Invalid \(what)", detail: "The \(what) must be known.", subject: expression.range))
    case .failure(let error):
      diagnostics.append(
        .error("Invalid \(what)", detail: "Unsuitable value: \(error.message).", subject: expression.range))
    }
    return nil
  }

  /// After every file: duplicates across files, references, imports.
  mutating func finish() {
    // Sorted as positions, each address made once: sorting the blocks themselves moved and
    // retained whole blocks at every step.
    let blocks = configuration.resources
    let addresses = blocks.map(\.address)
    let order = addresses.indices.sorted { addresses[$0] < addresses[$1] }
    var seen: [ResourceAddress: Block] = [:]
    seen.reserveCapacity(blocks.count)
    var unique: [ResourceBlock] = []
    unique.reserveCapacity(blocks.count)
    for position in order {
      let resource = blocks[position]
      if let first = seen[addresses[position]] {
        diagnostics.append(
          .error(
            "Duplicate \(resource.mode == .data ? "data" : "resource") \(Value.quoted(resource.type)) configuration",
            detail: "A \(resource.type) \(resource.mode == .data ? "data source" : "resource") named "
              + "\(Value.quoted(resource.name)) was already declared at \(first.definitionRange). "
              + "Resource names must be unique per type.",
            subject: resource.block.definitionRange))
        continue
      }
      seen[addresses[position]] = resource.block
      unique.append(resource)
    }
    configuration.resources = unique
    configuration.indexResources()
    configuration.indexLocals()
    if !configuration.modules.isEmpty {
      let (moduleLoader, path, ancestry) =
        loader ?? (
          ModuleLoader(rootDirectory: configuration.directory, catalog: configuration.catalog), ".",
          [ModuleLoader.canonical(configuration.directory, ".")]
        )
      diagnostics += moduleLoader.loadCalls(of: &configuration, relativePath: path, ancestry: ancestry)
    }
    for entry in configuration.imports {
      let target = entry.to.resource.module.isEmpty ? seen[entry.to.resource]?.type : configuration.resourceBlock(entry.to.resource)?.type
      guard target != nil, entry.to.resource.mode == .managed else {
        diagnostics.append(
          .error(
            "Configuration for import target does not exist",
            detail: "The configuration for the given import target \(entry.to) does not exist. "
              + "Every import block needs a resource block to import into.",
            subject: entry.block.definitionRange))
        continue
      }
    }
    if !configuration.moved.isEmpty || !configuration.removed.isEmpty {
      diagnostics += MoveStatementCheck(configuration).staticProblems()
    }
    if checksReferences { diagnostics += referenceCheck.run() }
  }

  /// The check of every reference against the blocks that exist, to run once decoding is done.
  var referenceCheck: ReferenceCheck {
    ReferenceCheck(checker: ReferenceChecker(configuration: configuration, timeResources: timeResources))
  }
}
