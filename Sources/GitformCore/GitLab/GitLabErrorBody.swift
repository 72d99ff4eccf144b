import Foundation

/// The parts of a GitLab error body worth showing, whichever of GitLab's shapes it came in.
///
/// GitLab answers errors as `{"message": "404 Project Not Found"}`, as validation errors
/// `{"message": {"key": ["(FOO) has already been taken"]}}`, as Grape parameter errors
/// `{"error": "name is missing"}`, as OAuth-style `{"error": "insufficient_scope",
/// "error_description": "…", "scope": "api read_api"}`, as arrays, or — from Rack::Attack or a
/// proxy — as plain text (`Retry later`). Reference: gitlab-api.md §0.3, §0.2, §8.
///
/// Every string taken from the body passes through `ServerText.clean` first: the body may echo
/// the request (and with it a variable's value) or carry terminal control sequences.
struct GitLabErrorBody: Equatable {
  /// One line for humans; nil when the body says nothing useful.
  var text: String?
  /// Validation errors by field (`render_validation_error!`), fields sorted when rendered.
  var fieldErrors: [String: [String]] = [:]
  /// The OAuth-style `error` code, e.g. `insufficient_scope` or `invalid_token`.
  var oauthError: String?
  /// For `insufficient_scope`: the scopes the endpoint accepts, space separated.
  var acceptedScopes: String?

  /// - Parameter serverText: scrubs the secrets the request carried from every string.
  init(_ data: Data, serverText: ServerText = ServerText(secrets: [])) {
    guard !data.isEmpty else { return }
    let reader = Reader(serverText: serverText)
    if let json = try? JSONParser.parse(data) {
      interpret(json, reader)
    } else if let string = String(data: data, encoding: .utf8) {
      text = reader.plainText(string)
    }
  }

  private mutating func interpret(_ object: JSON, _ reader: Reader) {
    guard case .object = object else {
      text = reader.flatten(object)
      return
    }
    if let error = object["error"]?.stringValue, object["message"] == nil {
      // OAuth-style (`error` + `error_description`) or Grape (`error` alone); only the former's
      // codes matter, and a Grape sentence never equals one of them.
      oauthError = error
      acceptedScopes = object["scope"]?.stringValue.map(reader.serverText.clean)
      let explanation = object["error_description"].flatMap(reader.flatten)
      let code = reader.plainText(error)
      text = explanation.map { "\(code ?? ""): \($0)" } ?? code
      return
    }
    if let message = object["message"] {
      if let fields = message.objectMembers {
        for (field, value) in fields {
          fieldErrors[reader.serverText.clean(field)] = reader.strings(value)
        }
      }
      text = reader.flatten(message)
    } else if let error = object["error"] {
      text = reader.flatten(error)
    } else {
      text = reader.flatten(object)
    }
  }

  /// Turns the parsed body into clean one-line strings.
  private struct Reader {
    let serverText: ServerText

    /// Strings, arrays and objects as one line: `a, b` for arrays, `field: msg; other: msg` for
    /// objects with keys sorted (deterministic), nested as deep as GitLab nests them.
    func flatten(_ value: JSON) -> String? {
      switch value {
      case .string(let string):
        return plainText(string)
      case .array(let array):
        let parts = array.compactMap(flatten)
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
      case .object(let members):
        // The last of duplicate keys counts, as it did with JSONSerialization.
        let object = Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        let parts = object.keys.sorted().compactMap { key -> String? in
          guard let inner = object[key].flatMap(flatten) else { return nil }
          // `base` errors are about the whole record and `error` wraps a sentence (GitLab's
          // 429): the key adds nothing.
          return key == "base" || key == "error" ? inner : "\(serverText.clean(key)) \(inner)"
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
      case .number(let text):
        return serverText.clean(text)
      case .bool(let flag):
        return flag ? "true" : "false"
      case .null:
        return nil
      }
    }

    func strings(_ value: JSON) -> [String] {
      if let list = value.arrayElements { return list.compactMap(flatten) }
      return flatten(value).map { [$0] } ?? []
    }

    func plainText(_ string: String) -> String? {
      GitLabErrorBody.plainText(serverText.clean(string))
    }
  }

  /// Text bodies trimmed to one short line; HTML pages (a proxy's error page) are not shown.
  /// `string` must already be clean: cutting it short first could leave half a secret.
  static func plainText(_ string: String) -> String? {
    let trimmed = string.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty, !trimmed.hasPrefix("<") else { return nil }
    let line = trimmed.split(whereSeparator: \.isNewline).joined(separator: " ")
    return line.count > 300 ? String(line.prefix(300)) + "…" : line
  }
}
