import Foundation

/// What a state server's error body says, whichever of GitLab's shapes it came in:
/// `{"message": "403 Forbidden - …"}`, OAuth-style `{"error": "insufficient_scope",
/// "error_description": "…", "scope": "api"}`, Grape's `{"error": "ID is missing"}`, a bare JSON
/// number (GitLab's unlock answer), or plain text from a proxy (HTML pages are not shown).
struct BackendErrorBody: Equatable {
  var message: String?
  /// The OAuth-style code: `invalid_token`, `insufficient_scope`.
  var oauthError: String?
  var scope: String?

  init(_ data: Data) {
    guard !data.isEmpty else { return }
    if let object = try? JSONParser.parse(data), case .object = object {
      if let error = object["error"]?.stringValue, object["message"] == nil {
        let description = object["error_description"]?.stringValue
        if description != nil { oauthError = error }
        scope = object["scope"]?.stringValue
        message = description.map { "\(error): \($0)" } ?? error
      } else if let text = object["message"]?.stringValue {
        message = text
      } else if let nested = object["message"], !nested.isNull {
        message = BackendErrorBody.line(JSONWriter.compact(nested))
      }
      return
    }
    if let text = String(data: data, encoding: .utf8) {
      message = BackendErrorBody.line(text)
    }
  }

  /// One short line of text; nil for empty text and HTML pages.
  static func line(_ text: String) -> String? {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty, !trimmed.hasPrefix("<") else { return nil }
    let line = trimmed.split(whereSeparator: \.isNewline).joined(separator: " ")
    return line.count > 300 ? String(line.prefix(300)) + "…" : line
  }

  /// ` The server said: "…".` or nothing.
  var quoted: String {
    message.map { " The server said: \"\($0)\"." } ?? ""
  }
}
