import Foundation

/// A GitLab entity that can be read from one JSON value of an answer.
protocol GitLabDecodable {
  init(gitLab reader: GitLabJSONReader) throws(GitLabDecodingProblem)
}

/// What is wrong with an answer, in words that name the field but never quote the data (it
/// may carry a token): `field "id" is missing`, `field scopes is not a list`.
struct GitLabDecodingProblem: Error, Equatable, CustomStringConvertible {
  var description: String
}

/// One JSON value of a GitLab answer and where it sits (`[3].scopes`), read field by field.
///
/// Answers are parsed by the core's one JSON parser (Shared/JSON) and read here, so a refresh
/// of thousands of tokens needs no `JSONDecoder`; a missing field, a null or a value of the
/// wrong kind is reported with its place, the way Foundation's decoder worded it before.
struct GitLabJSONReader {
  let json: JSON
  /// `.name` and `[index]` steps from the answer's root.
  let path: String

  init(_ json: JSON, path: String = "") {
    self.json = json
    self.path = path
  }

  /// The answer `body` parsed; "it is not JSON" when it is not.
  static func parse(_ body: Data) throws(GitLabDecodingProblem) -> GitLabJSONReader {
    do {
      return GitLabJSONReader(try JSONParser.parse(body))
    } catch {
      throw GitLabDecodingProblem(description: "it is not JSON")
    }
  }

  // MARK: - Places and problems

  /// `field id`, `field [3].scopes[0]`, or `the answer` at the root.
  private var place: String {
    guard !path.isEmpty else { return "the answer" }
    let steps = ServerText.printable(path)
    return "field " + (steps.hasPrefix(".") ? String(steps.dropFirst()) : steps)
  }

  private func child(_ key: String) -> GitLabJSONReader {
    GitLabJSONReader(json[key] ?? .null, path: path + "." + key)
  }

  /// `kind` in a reader's words ("a whole number", "an object"), not Swift's type names.
  private func notOfType(_ kind: String) -> GitLabDecodingProblem {
    GitLabDecodingProblem(description: json.isNull ? "\(place) is null" : "\(place) is not \(kind)")
  }

  /// A problem with this value other than its kind: `field expires_at is invalid (…)`.
  func invalid(_ why: String) -> GitLabDecodingProblem {
    GitLabDecodingProblem(description: "\(place) is invalid (\(why))")
  }

  // MARK: - This value

  func int() throws(GitLabDecodingProblem) -> Int {
    guard case .number(let text) = json else { throw notOfType("a number") }
    if let value = Int(text) { return value }
    // `42.0` or `4.2e1` is still the whole number JSONDecoder accepted.
    guard let double = Double(text), double.rounded() == double, abs(double) < 9.0e15 else {
      throw invalid("not a whole number that fits in Int")
    }
    return Int(double)
  }

  func string() throws(GitLabDecodingProblem) -> String {
    guard case .string(let text) = json else { throw notOfType("a string") }
    return text
  }

  func bool() throws(GitLabDecodingProblem) -> Bool {
    guard case .bool(let flag) = json else { throw notOfType("true or false") }
    return flag
  }

  func strings() throws(GitLabDecodingProblem) -> [String] {
    try elements().map { (element) throws(GitLabDecodingProblem) in try element.string() }
  }

  /// The elements of an array, each with its place.
  func elements() throws(GitLabDecodingProblem) -> [GitLabJSONReader] {
    guard case .array(let items) = json else { throw notOfType("a list") }
    return items.enumerated().map { GitLabJSONReader($0.element, path: path + "[\($0.offset)]") }
  }

  /// A GitLab timestamp (`2020-10-14T11:58:53.526Z`).
  func date() throws(GitLabDecodingProblem) -> Date {
    guard let date = GitLabJSON.parseTimestamp(try string()) else {
      throw invalid("expected an ISO 8601 timestamp")
    }
    return date
  }

  /// A day as `YYYY-MM-DD` (`expires_at`).
  func calendarDate() throws(GitLabDecodingProblem) -> CalendarDate {
    guard let date = CalendarDate(try string()) else { throw invalid("expected a date as YYYY-MM-DD") }
    return date
  }

  // MARK: - Fields of this object

  /// The field `key`, which must be present (it may still be null: the typed read says so).
  func field(_ key: String) throws(GitLabDecodingProblem) -> GitLabJSONReader {
    guard case .object = json else { throw notOfType("an object") }
    guard json[key] != nil else {
      let inside = path.isEmpty ? "" : " in \(place)"
      throw GitLabDecodingProblem(description: "field \"\(key)\" is missing\(inside)")
    }
    return child(key)
  }

  /// The field `key`, or nil when it is missing or null.
  func optionalField(_ key: String) throws(GitLabDecodingProblem) -> GitLabJSONReader? {
    guard case .object = json else { throw notOfType("an object") }
    guard let value = json[key], !value.isNull else { return nil }
    return child(key)
  }

  func int(_ key: String) throws(GitLabDecodingProblem) -> Int { try field(key).int() }
  func string(_ key: String) throws(GitLabDecodingProblem) -> String { try field(key).string() }
  func bool(_ key: String) throws(GitLabDecodingProblem) -> Bool { try field(key).bool() }

  func optionalInt(_ key: String) throws(GitLabDecodingProblem) -> Int? {
    try optionalField(key)?.int()
  }

  func optionalString(_ key: String) throws(GitLabDecodingProblem) -> String? {
    try optionalField(key)?.string()
  }

  func optionalBool(_ key: String) throws(GitLabDecodingProblem) -> Bool? {
    try optionalField(key)?.bool()
  }
}

extension Array: GitLabDecodable where Element: GitLabDecodable {
  init(gitLab reader: GitLabJSONReader) throws(GitLabDecodingProblem) {
    self = try reader.elements().map { (element) throws(GitLabDecodingProblem) in
      try Element(gitLab: element)
    }
  }
}
