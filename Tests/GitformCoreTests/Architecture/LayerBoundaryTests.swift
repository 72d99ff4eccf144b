import Foundation
import XCTest

/// The layering of Sources/GitformCore, checked on the source text: no folder names a type
/// defined in a folder above it, and the engine never names a resource type's attributes or
/// type names (that knowledge lives in Resources/ and the GitLab client).
final class LayerBoundaryTests: XCTestCase {
  /// Bottom first. A folder may use the types of the folders before it, never those after.
  static let layers = [
    "Shared", "Hashing", "Diagnostics", "Graph", "Syntax", "Eval", "Model", "State", "GitLab", "Backend",
    "Resources", "Config", "Plan", "Apply", "CLI",
  ]

  static let core = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/GitformCore")

  /// Every Swift file of a folder (recursively), with comments and string literals blanked.
  static func sources(_ folder: String) throws -> [(path: String, code: String, raw: String)] {
    let root = core.appendingPathComponent(folder)
    guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
    var files: [(String, String, String)] = []
    for case let url as URL in walker where url.pathExtension == "swift" {
      let raw = try String(contentsOf: url, encoding: .utf8)
      var code = raw.replacingOccurrences(of: #"//[^\n]*"#, with: "", options: .regularExpression)
      code = code.replacingOccurrences(of: #""[^"\n]*""#, with: "\"\"", options: .regularExpression)
      files.append((url.path.replacingOccurrences(of: core.path + "/", with: ""), code, raw))
    }
    return files.sorted { $0.0 < $1.0 }
  }

  /// The type names a folder declares.
  static func declarations(_ folder: String) throws -> Set<String> {
    var names: Set<String> = []
    let pattern = try NSRegularExpression(
      pattern: #"^(?:public |final |private |fileprivate |internal |indirect )*(?:struct|enum|class|protocol|actor)\s+([A-Z]\w*)"#,
      options: .anchorsMatchLines)
    for file in try sources(folder) {
      let text = file.raw as NSString
      for match in pattern.matches(in: file.raw, range: NSRange(location: 0, length: text.length)) {
        names.insert(text.substring(with: match.range(at: 1)))
      }
    }
    return names
  }

  func testNoFolderUsesATypeOfAFolderAboveIt() throws {
    XCTAssertEqual(
      Set(try FileManager.default.contentsOfDirectory(atPath: Self.core.path)), Set(Self.layers),
      "every folder of GitformCore has its place in the layers")
    var declared: [String: Set<String>] = [:]
    for folder in Self.layers { declared[folder] = try Self.declarations(folder) }
    var violations: [String] = []
    for (index, folder) in Self.layers.enumerated() {
      let own = declared[folder] ?? []
      let above = Self.layers[(index + 1)...].flatMap { higher in (declared[higher] ?? []).subtracting(own).map { (higher, $0) } }
      for file in try Self.sources(folder) {
        for (higher, name) in above
        where file.code.range(of: #"\b"# + name + #"\b"#, options: .regularExpression) != nil {
          violations.append("\(file.path) uses \(higher)/\(name)")
        }
      }
    }
    XCTAssertEqual(violations, [])
  }

  /// Issue 10's boundary: the engine decides nothing by a token attribute's name. The provider
  /// block's own `token` argument (Config) and its reading (CLI) are the provider's, not a type's.
  func testTheEngineNamesNoResourceAttributeOrType() throws {
    let attributes = #""(token|token_id|expires_at|rotation_configuration|user_id|access_level|scopes)""#
    let types = #""(user_token|impersonation_token|project_token|group_token|project_variable|user|user_ssh_key|user_email|service_account|group_variable|instance_variable)""#
    var found: [String] = []
    for folder in ["Plan", "Apply", "CLI", "Graph", "Config"] {
      for file in try Self.sources(folder) {
        let code = file.raw.replacingOccurrences(of: #"//[^\n]*"#, with: "", options: .regularExpression)
        for line in code.split(separator: "\n") {
          let text = String(line)
          let providerToken =
            text.contains("\"token\"") && (file.path.hasPrefix("Config/") || text.contains("converted(\"token\""))
          if text.range(of: attributes, options: .regularExpression) != nil && !providerToken {
            found.append("\(file.path): \(text.trimmingCharacters(in: .whitespaces))")
          }
          if text.range(of: #"case \#(types)|== \#(types)"#, options: .regularExpression) != nil {
            found.append("\(file.path): \(text.trimmingCharacters(in: .whitespaces))")
          }
        }
      }
    }
    XCTAssertEqual(found, [])
  }
}
