import XCTest
@testable import GitformCore

/// The README's resource reference is generated from the schemas, so the documentation can
/// never drift from what `validate` accepts. When this test fails, it prints the section the
/// README should hold between the two markers; `GITFORM_UPDATE_README=1 swift test --filter
/// ResourceReferenceTests` writes it there.
final class ResourceReferenceTests: XCTestCase {
  static let begin = "<!-- resource-reference:begin (generated from the schemas; see ResourceReferenceTests) -->\n"
  static let end = "<!-- resource-reference:end -->\n"

  func testReadmeDocumentsEveryResourceAttributeAndNestedAttribute() throws {
    let readmeURL = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("README.md")
    let readme = try String(contentsOf: readmeURL, encoding: .utf8)
    let expected = Self.reference()
    guard let start = readme.range(of: Self.begin), let stop = readme.range(of: Self.end),
      start.upperBound <= stop.lowerBound
    else {
      return XCTFail("README.md lacks the resource reference markers; it should hold:\n\(expected)")
    }
    let actual = String(readme[start.upperBound..<stop.lowerBound])
    if actual != expected, ProcessInfo.processInfo.environment["GITFORM_UPDATE_README"] == "1" {
      let updated = readme.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: expected)
      try updated.write(to: readmeURL, atomically: true, encoding: .utf8)
      return
    }
    XCTAssertEqual(actual, expected, "README.md's resource reference should read:\n\(expected)")
  }

  func testReferenceNamesEveryTypeOfTheCatalog() {
    let text = Self.reference()
    for type in ResourceCatalog.standard.managedTypes { XCTAssertTrue(text.contains("### `\(type.name)`\n")) }
    for type in ResourceCatalog.standard.dataSourceTypes {
      XCTAssertTrue(text.contains("### `data \"\(type.name)\"`\n"))
    }
  }

  /// Markdown for every managed type and data source, in the catalog's (sorted) order.
  static func reference() -> String {
    var text = ""
    for type in ResourceCatalog.standard.managedTypes {
      text += section("### `\(type.name)`", summary: type.summary, schema: type.schema)
    }
    for type in ResourceCatalog.standard.dataSourceTypes {
      text += section("### `data \"\(type.name)\"`", summary: type.summary, schema: type.schema)
    }
    return text
  }

  static func section(_ title: String, summary: String, schema: ResourceSchema) -> String {
    var text = "\n\(title)\n\n\(summary)\n\n| attribute | type | | description |\n|---|---|---|---|\n"
    for attribute in schema.attributes {
      text += row(attribute, prefix: "")
      for nested in attribute.nested { text += row(nested, prefix: "\(attribute.name).") }
    }
    return text
  }

  static func row(_ attribute: AttributeSchema, prefix: String) -> String {
    var notes: [String] = []
    switch attribute.presence {
    case .required: notes.append("required")
    case .optional: notes.append("optional")
    case .optionalComputed: notes.append("optional")
    case .computed: notes.append("read-only")
    }
    if attribute.sensitive { notes.append("sensitive") }
    var description = attribute.description
    if attribute.forcesReplacement { description += " Changing it forces replacement." }
    if let value = attribute.defaultValue, !value.isNull {
      description += " Default: `\(value.description)`."
    }
    // A nested attribute is written `name = { ... }` (or as a block); its rows follow it.
    let type = attribute.nested.isEmpty ? attribute.type.typeExpression : "object"
    return "| `\(prefix)\(attribute.name)` | \(type) | "
      + notes.joined(separator: ", ") + " | \(description.trimmingCharacters(in: .whitespaces)) |\n"
  }
}
