import Foundation

/// Checks and id parsing shared by the token types beyond what `TokenAttributes` holds: names,
/// owner ids, access levels and import ids; `project_variable` uses its description check too.
enum TokenChecks {
  /// The access levels a project or group token may get, lowest first, by configuration name
  /// (gitlab-api.md §0.7: GitLab accepts 10 to 50 and rejects 0, 5 and 60).
  static let accessLevels = GitLabAccessLevel.allCases.filter(\.isAssignableToToken)
  static let accessLevelNames = accessLevels.map(\.name)

  /// GitLab answers `Name can't be blank` for an empty name; say so before any request.
  static func checkName(_ config: Value, ranges: AttributeRanges) -> [Diagnostic] {
    guard let name = config.string("name"),
      name.allSatisfy({ $0.isWhitespace })
    else { return [] }
    return [
      .error(
        "Invalid name", detail: "A token needs a name that is not empty.",
        subject: ranges.range(of: "name"))
    ]
  }

  /// GitLab refuses a description over 255 characters (`MAX_DESCRIPTION_LENGTH`,
  /// gitlab-api.md §1.3) only when the request is made; say so at validate time.
  static func checkDescription(_ config: Value, ranges: AttributeRanges) -> [Diagnostic] {
    let value = config[attribute: "description"]
    guard let text = value.stringValue, text.count > 255 else { return [] }
    return [
      .error(
        "Invalid description",
        detail: "description is too long: \(text.count) characters, at most 255.",
        subject: ranges.range(of: "description"))
    ]
  }

  /// GitLab ids are whole numbers from 1.
  static func checkPositive(_ attribute: String, in config: Value, ranges: AttributeRanges)
    -> [Diagnostic]
  {
    let value = config[attribute: attribute]
    guard let number = value.numberValue, !value.isSensitive else { return [] }
    if let id = config.int(attribute), id > 0 { return [] }
    return [
      .error(
        "Invalid \(attribute)",
        detail: "\(attribute) must be a GitLab id, a whole number from 1, not \(Value.number(number)).",
        subject: ranges.range(of: attribute))
    ]
  }

  /// `access_level` names one of guest, planner, reporter, developer, maintainer, owner.
  static func checkAccessLevel(_ config: Value, ranges: AttributeRanges) -> [Diagnostic] {
    let value = config[attribute: "access_level"]
    guard let name = value.stringValue, !value.isSensitive else { return [] }
    if let level = GitLabAccessLevel(name: name), level.isAssignableToToken { return [] }
    var detail = "\(Value.quoted(name)) is not an access level GitLab gives a token."
    if let suggestion = NameSuggestion.suggest(name, among: accessLevelNames),
      suggestion != name
    {
      detail += " Did you mean \"\(suggestion)\"?"
    } else {
      detail += " Valid levels: " + accessLevelNames.joined(separator: ", ") + "."
    }
    return [.error("Invalid access level", detail: detail, subject: ranges.range(of: "access_level"))]
  }

  /// The level for a configured name; maintainer (GitLab's default) when absent.
  static func accessLevel(_ planned: Value) -> GitLabAccessLevel {
    planned.string("access_level").flatMap(GitLabAccessLevel.init(name:)) ?? .maintainer
  }

  /// `<user-id>:<token-id>`, both whole numbers from 1.
  static func parseUserTokenID(_ id: String) -> Result<(Int, Int), ImportIDError> {
    TokenAttributes.parseTwoPartID(id, first: "user-id").flatMap { owner, tokenID in
      guard let userID = Int(owner), userID > 0 else {
        return .failure(
          ImportIDError(
            "Unexpected import id \(Value.quoted(id)): expected <user-id>:<token-id> with a "
              + "numeric user id, for example \"12:345\"."))
      }
      return .success((userID, tokenID))
    }
  }
}
