/// Plan-time checks of a `user` block: what GitLab would refuse when the user is made or
/// changed (users reference §4.4), reported at the attribute that is wrong.
enum UserChecks {
  /// GitLab's `minimum_password_length` default.
  static let minimumPasswordLength = 8

  static func check(_ config: Value, ranges: AttributeRanges) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    func fail(_ attribute: String, _ summary: String, _ detail: String) {
      diagnostics.append(.error(summary, detail: detail, subject: ranges.range(of: attribute)))
    }
    if let username = config.string("username"), !isValidUsername(username) {
      fail(
        "username", "Invalid username",
        "\(Value.quoted(username)) is not a username GitLab accepts: use letters, digits, '_', '-' and '.', "
          + "starting with a letter or digit and not ending in '.', '.git' or '.atom'.")
    }
    if let email = config.string("email"), !isPlausibleEmail(email) {
      fail("email", "Invalid email", "\(Value.quoted(email)) is not an e-mail address.")
    }
    let password = config[attribute: "password"]
    if let text = password.stringValue, text.count < minimumPasswordLength {
      // The password itself is never shown, only its problem.
      fail("password", "Invalid password", "GitLab requires at least \(minimumPasswordLength) characters.")
    }
    if password.isNull, config.bool("reset_password") != true, config.bool("force_random_password") != true {
      fail(
        "password", "Missing password",
        "GitLab needs one of password, reset_password = true or force_random_password = true to create a user "
          + "(a bot usually takes force_random_password = true).")
    }
    if let state = config.string("state"), !ManagedUser.states.contains(state) {
      fail(
        "state", "Invalid state",
        "state must be \"active\", \"blocked\" or \"deactivated\", not \(Value.quoted(state)).")
    }
    if let limit = config.int("projects_limit"), limit < 0 {
      fail("projects_limit", "Invalid projects_limit", "projects_limit must be 0 or more.")
    }
    return diagnostics
  }

  /// GitLab's namespace path rule for usernames (`Gitlab::PathRegex`), simplified to what
  /// can be decided without its reserved-name list.
  static func isValidUsername(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, name.count <= 255 else { return false }
    let allowed = name.unicodeScalars.allSatisfy {
      $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0))
    }
    let firstOK = first.isASCII && (first.properties.isAlphabetic || ("0"..."9").contains(first) || first == "_")
    let lower = name.lowercased()
    return allowed && firstOK && !lower.hasSuffix(".") && !lower.hasSuffix(".git") && !lower.hasSuffix(".atom")
  }

  /// One `@` with something on each side and no whitespace: the mistakes worth catching
  /// before GitLab's own (stricter) check.
  static func isPlausibleEmail(_ text: String) -> Bool {
    let parts = text.split(separator: "@", omittingEmptySubsequences: false)
    return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
      && !text.contains(where: \.isWhitespace)
  }
}
