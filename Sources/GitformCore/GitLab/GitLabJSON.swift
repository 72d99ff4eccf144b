import Foundation

/// How GitLab's JSON is read: with the core's one JSON parser, then field by field into the
/// entity (`GitLabJSONReader`), and its timestamps.
enum GitLabJSON {
  /// `T` from an answer's body, or what is wrong with the body.
  static func decode<T: GitLabDecodable>(_ type: T.Type, from body: Data) throws(GitLabDecodingProblem) -> T {
    try T(gitLab: try GitLabJSONReader.parse(body))
  }

  /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM|±HHMM)` (or a space for the `T`), the ISO
  /// 8601 forms GitLab and its proxies produce; nil for anything else. The engine's one
  /// timestamp parser in its GitLab dialect: a refresh decodes thousands of these, and
  /// `ISO8601DateFormatter` is neither cheap nor shareable across threads.
  static func parseTimestamp(_ text: String) -> Date? {
    RFC3339Timestamp.parse(text, .gitLab)?.date
  }
}
