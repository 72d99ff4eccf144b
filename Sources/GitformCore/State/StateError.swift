/// Why a state, journal or lock file could not be used, with a message that names the file and
/// says what to do.
///
/// None of these failures ever causes gitform to overwrite the file concerned: reading fails
/// before any write is attempted, and every write goes through a temporary file.
public struct StateError: Error, Equatable, Sendable, CustomStringConvertible {
  public enum Code: String, Equatable, Sendable {
    /// The file exists but holds no bytes (or only whitespace).
    case emptyFile
    /// The file is not valid JSON.
    case corruptFile
    /// Valid JSON, but not a state file (no `version`).
    case foreignFile
    /// A format version gitform cannot read: newer than 4, or an old one.
    case unsupportedVersion
    /// A version 4 state with a missing or malformed field.
    case invalidContent
    /// A journal that does not belong to the state next to it.
    case journalMismatch
    /// A state that may not replace another: unrelated lineage or an older serial.
    case conflictingState
    /// The operating system refused a read, write, rename or sync.
    case fileSystem
  }

  public var code: Code
  /// One line, for the CLI's `Error: …` heading.
  public var summary: String
  /// What is wrong, in which file, and what to do about it. Never quotes attribute values.
  public var detail: String
  /// The file concerned, as given by the user (relative paths stay relative).
  public var path: String

  public init(code: Code, summary: String, detail: String, path: String) {
    self.code = code
    self.summary = summary
    self.detail = detail
    self.path = path
  }

  public var description: String { "\(summary)\n\n\(detail)" }

  // MARK: - Advice

  /// What to do about an unreadable state when its backup may exist (the decoder cannot look).
  static func restoreAdvice(_ path: String) -> String {
    "Restore it from \"\(path).backup\" or repair it by hand."
  }

  static func emptyAdvice(_ path: String) -> String {
    "If a backup exists, restore it from \"\(path).backup\"; if nothing is managed here yet, "
      + "delete the empty file."
  }

  /// The same error without advice to restore a backup that does not exist: suggesting one
  /// sends the user looking for a file that was never written.
  func withoutBackup() -> StateError {
    var copy = self
    copy.detail = detail.replacingOccurrences(
      of: StateError.restoreAdvice(path),
      with: "There is no backup (\"\(path).backup\" does not exist): repair it by hand, or "
        + "restore it from wherever it was copied or committed."
    ).replacingOccurrences(
      of: StateError.emptyAdvice(path),
      with: "There is no backup (\"\(path).backup\" does not exist); if nothing is managed here "
        + "yet, delete the empty file, otherwise restore it from wherever it was copied or committed.")
    return copy
  }

  // MARK: - Constructors for each case

  static func empty(_ path: String) -> StateError {
    StateError(
      code: .emptyFile, summary: "Failed to load state",
      detail: """
        The state file "\(path)" is empty, and an empty file is not a valid state. \
        \(emptyAdvice(path)) gitform has not changed it.
        """, path: path)
  }

  static func corrupt(_ path: String, _ failure: JSONParser.Failure) -> StateError {
    StateError(
      code: .corruptFile, summary: "Failed to load state",
      detail: """
        The state file "\(path)" is not valid JSON (\(failure.description)). \
        \(restoreAdvice(path)) gitform has not changed it.
        """, path: path)
  }

  static func foreign(_ path: String, _ why: String) -> StateError {
    StateError(
      code: .foreignFile, summary: "Unsupported state file format",
      detail: """
        The file "\(path)" is JSON but not a gitform state file: \(why). Check the -state path. \
        gitform has not changed it.
        """, path: path)
  }

  static func newer(_ path: String, version: String, reader: String, writer: String) -> StateError {
    StateError(
      code: .unsupportedVersion, summary: "Unsupported state file format",
      detail: """
        The state file "\(path)" uses format version \(version), which is not supported by \
        gitform \(reader). This state file was created by \(writer); upgrade gitform to use \
        it. gitform has not changed it.
        """, path: path)
  }

  static func older(_ path: String, version: String) -> StateError {
    StateError(
      code: .unsupportedVersion, summary: "Unsupported state file format",
      detail: """
        The state file "\(path)" uses format version \(version); gitform reads only version \
        \(State.formatVersion). Upgrade it with Terraform (any 1.x release rewrites it as \
        version 4). gitform has not changed it.
        """, path: path)
  }

  static func invalid(_ path: String, _ field: String, _ expectation: String) -> StateError {
    StateError(
      code: .invalidContent, summary: "Invalid state file",
      detail: """
        The state file "\(path)" is not a valid version 4 state: \(field) \(expectation). \
        \(restoreAdvice(path)) gitform has not changed it.
        """, path: path)
  }

  static func fileSystem(_ path: String, _ action: String, errno code: Int32) -> StateError {
    StateError(
      code: .fileSystem, summary: "Failed to \(action) \"\(path)\"",
      detail: "The operating system reported: \(SystemError.message(code)). Check that the "
        + "directory exists and is writable and that the disk is not full.", path: path)
  }
}
