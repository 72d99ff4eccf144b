import Foundation
import XCTest

@testable import GitformCore

/// A test case with an in-process emulator (clock at 2026-06-01T12:00:00Z, as `EmulatorFixture`
/// sets it) and a resource context whose clock agrees with it.
///
/// Server-side state is read through `fixture.raw`, never through the resource under test.
class TokenTypeTestCase: XCTestCase {
  static let now = Date(timeIntervalSince1970: 1_780_315_200)  // 2026-06-01T12:00:00Z
  var fixture: EmulatorFixture!
  var context: ResourceContext!

  override func setUpWithError() throws {
    fixture = try EmulatorFixture()
    context = ResourceContext(client: fixture.client, now: TokenTypeTestCase.now)
  }

  override func tearDown() {
    fixture?.stop()
    fixture = nil
    context = nil
  }

  /// An object of `schema` with `values`, the schema's defaults for the rest, as Plan builds one.
  func planned(_ schema: ResourceSchema, _ values: [String: Value]) -> Value {
    var all = values
    for attribute in schema.attributes where all[attribute.name] == nil {
      if let value = attribute.defaultValue { all[attribute.name] = value }
    }
    return Value.object(schema, all)
  }

  /// The plan's decision for one instance of `type` whose evaluated configuration is `config`
  /// (unset attributes null, as Config hands it over), against `prior` — through the engine's
  /// own `InstancePlanner`, so these tests see what `gitform plan` would.
  func change(_ type: any ResourceType, config: Value, prior: Value?) -> ResourceChange {
    let here = TokenTypeTestCase.range(line: 1)
    let block = Block(
      type: "resource", typeRange: here, labels: [], openBraceRange: here, closeBraceRange: here,
      body: Body(items: [], range: here), range: here)
    let resource = ResourceBlock(
      mode: .managed, type: type.name, name: "test", block: block, count: nil, forEach: nil,
      dependsOn: [], lifecycle: Lifecycle())
    let instance = InstanceConfig(
      address: resource.address.instance(), resource: resource, config: config,
      ranges: AttributeRanges(block: here), dependencies: [])
    return InstancePlanner(type: type, context: context, today: context.today)
      .change(instance, prior: prior, importID: nil, forceReplace: false)
  }

  /// Every diagnostic `gitform validate` would give for `source` as `main.gf.hcl`, as
  /// (line of the subject, summary, detail), in the order reported.
  func validationProblems(_ source: String) -> [(line: Int?, summary: String, detail: String)] {
    let (configuration, decoding) = ConfigLoader.decode(
      files: [(TokenTypeTestCase.file, Array(source.utf8))], directory: "/nonexistent")
    let (graph, ordering) = ConfigGraph.build(configuration)
    var walker = ConfigWalker(
      configuration: configuration, graph: graph, variables: [:],
      context: EvalContext(mode: .validate))
    walker.walk { _ in [:] }
    return (decoding + ordering + walker.diagnostics).map {
      ($0.subject?.start.line, $0.summary, $0.detail)
    }
  }

  static let file = "main.gf.hcl"

  /// A range on `line` of `main.gf.hcl`, for checking where a diagnostic points.
  static func range(line: Int) -> SourceRange {
    SourceRange(
      filename: file, start: SourcePosition(line: line, column: 3, byte: line * 40),
      end: SourcePosition(line: line, column: 20, byte: line * 40 + 17))
  }

  /// The block on line 1 and each named attribute on its own line after it, in order.
  static func ranges(_ names: [String]) -> AttributeRanges {
    var attributes: [String: SourceRange] = [:]
    for (index, name) in names.enumerated() { attributes[name] = range(line: index + 2) }
    return AttributeRanges(block: range(line: 1), attributes: attributes)
  }

  /// The JSON object at `path` (as root), failing unless GitLab answers `status`.
  func serverObject(_ path: String, status: Int = 200, file: StaticString = #filePath,
    line: UInt = #line) throws -> [String: Any]
  {
    let answer = try fixture.raw(.get, path)
    XCTAssertEqual(answer.status, status, "GET \(path)", file: file, line: line)
    return try XCTUnwrap(answer.json as? [String: Any], file: file, line: line)
  }

  /// Asserts `object` holds a fresh, sensitive token value and that no text form of the object
  /// reveals it; returns the value.
  @discardableResult
  func assertSecretToken(_ object: Value, file: StaticString = #filePath, line: UInt = #line)
    throws -> String
  {
    let token = object[attribute: "token"]
    XCTAssertTrue(token.isSensitive, "token not marked sensitive", file: file, line: line)
    let text = try XCTUnwrap(token.stringValue, file: file, line: line)
    XCTAssertTrue(text.hasPrefix("glpat-"), file: file, line: line)
    for shown in [object.description, "\(object)", String(reflecting: object)] {
      XCTAssertFalse(shown.contains(text), "token value shown", file: file, line: line)
    }
    XCTAssertTrue(object.description.contains("token = (sensitive value)"), file: file, line: line)
    return text
  }
}
