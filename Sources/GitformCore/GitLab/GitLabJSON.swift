import Foundation

/// How GitLab's JSON is read: its timestamps and the decoder configured for them.
enum GitLabJSON {
  /// A decoder for GitLab entities: timestamps as GitLab writes them (`2020-10-14T11:58:53.526Z`).
  static func decoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .custom { decoder in
      let container = try decoder.singleValueContainer()
      let text = try container.decode(String.self)
      guard let date = parseTimestamp(text) else {
        throw DecodingError.dataCorruptedError(
          in: container, debugDescription: "expected an ISO 8601 timestamp")
      }
      return date
    }
    return decoder
  }

  /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM|±HHMM)` (or a space for the `T`), the ISO
  /// 8601 forms GitLab and its proxies produce; nil for anything else. The engine's one
  /// timestamp parser in its GitLab dialect: a refresh decodes thousands of these, and
  /// `ISO8601DateFormatter` is neither cheap nor shareable across threads.
  static func parseTimestamp(_ text: String) -> Date? {
    RFC3339Timestamp.parse(text, .gitLab)?.date
  }
}
