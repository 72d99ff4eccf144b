import Foundation
@testable import GitformCore

/// A small JSON Schema checker for the keywords gitform's schemas use: `type`, `required`,
/// `properties`, `additionalProperties`, `items`, `enum`, `pattern`, `minimum`, `anyOf` and
/// local `$ref`s to `#/$defs/NAME`. Any other validation keyword is reported as unsupported, so a schema that
/// grows beyond the checker cannot pass silently.
struct JSONSchemaChecker {
  let root: JSON

  static let annotations: Set<String> = ["$schema", "$id", "$defs", "title", "description"]

  /// Loads `schemas/NAME` from the repository this test file belongs to.
  static func load(_ name: String) throws -> JSONSchemaChecker {
    let path = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("schemas/" + name).path
    guard let bytes = FileManager.default.contents(atPath: path) else {
      throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path])
    }
    return JSONSchemaChecker(root: try JSONParser.parse(Array(bytes)))
  }

  /// Every violation in `instance`, as `PATH: message`; empty when it conforms.
  func violations(of instance: JSON) -> [String] {
    var found: [String] = []
    check(instance, against: root, at: "$", into: &found)
    return found
  }

  private func check(_ instance: JSON, against schema: JSON, at path: String, into found: inout [String]) {
    guard let members = schema.objectMembers else {
      found.append("\(path): schema is not an object")
      return
    }
    for (keyword, value) in members {
      switch keyword {
      case "$ref":
        guard let reference = value.stringValue, reference.hasPrefix("#/$defs/"),
          let target = root["$defs"]?[String(reference.dropFirst("#/$defs/".count))]
        else {
          found.append("\(path): unresolvable $ref")
          continue
        }
        check(instance, against: target, at: path, into: &found)
      case "anyOf":
        let branches = value.arrayElements ?? []
        let results = branches.map { branch -> [String] in
          var branchFound: [String] = []
          check(instance, against: branch, at: path, into: &branchFound)
          return branchFound
        }
        if !results.contains(where: \.isEmpty) {
          found.append("\(path): matches none of the \(branches.count) anyOf schemas")
        }
      case "type":
        let allowed = value.arrayElements?.compactMap(\.stringValue) ?? [value.stringValue ?? ""]
        if !allowed.contains(where: { matches(instance, type: $0) }) {
          found.append("\(path): is \(instance.kindName), expected \(allowed.joined(separator: " or "))")
        }
      case "required":
        guard case .object = instance else { continue }
        for name in value.arrayElements?.compactMap(\.stringValue) ?? [] where instance[name] == nil {
          found.append("\(path): missing required \"\(name)\"")
        }
      case "properties":
        guard let instanceMembers = instance.objectMembers else { continue }
        for (name, propertySchema) in value.objectMembers ?? [] {
          if let member = instanceMembers.first(where: { $0.key == name }) {
            check(member.value, against: propertySchema, at: "\(path).\(name)", into: &found)
          }
        }
      case "additionalProperties":
        guard let instanceMembers = instance.objectMembers else { continue }
        let declared = Set(schema["properties"]?.objectMembers?.map(\.key) ?? [])
        for member in instanceMembers where !declared.contains(member.key) {
          if value == .bool(false) {
            found.append("\(path): unexpected property \"\(member.key)\"")
          } else if value != .bool(true) {
            check(member.value, against: value, at: "\(path).\(member.key)", into: &found)
          }
        }
      case "items":
        for (offset, element) in (instance.arrayElements ?? []).enumerated() {
          check(element, against: value, at: "\(path)[\(offset)]", into: &found)
        }
      case "enum":
        if !(value.arrayElements ?? []).contains(instance) {
          found.append("\(path): \(JSONWriter.compact(instance)) is not one of \(JSONWriter.compact(value))")
        }
      case "pattern":
        guard let text = instance.stringValue, let pattern = value.stringValue else { continue }
        guard let expression = try? NSRegularExpression(pattern: pattern) else {
          found.append("\(path): invalid pattern \(pattern)")
          continue
        }
        let range = NSRange(text.startIndex..., in: text)
        if expression.firstMatch(in: text, range: range) == nil {
          found.append("\(path): \"\(text)\" does not match \(pattern)")
        }
      case "minimum":
        guard case .number(let text) = instance, let number = Double(text),
          case .number(let limitText) = value, let limit = Double(limitText)
        else { continue }
        if number < limit { found.append("\(path): \(text) is less than \(limitText)") }
      default:
        if !Self.annotations.contains(keyword) { found.append("\(path): unsupported keyword \(keyword)") }
      }
    }
  }

  private func matches(_ instance: JSON, type: String) -> Bool {
    switch (type, instance) {
    case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object),
      ("number", .number):
      return true
    case ("integer", .number(let text)):
      return !text.contains(".") && !text.contains("e") && !text.contains("E")
    default:
      return false
    }
  }
}
