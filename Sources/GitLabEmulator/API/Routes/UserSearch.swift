import Foundation

/// `User.search` as `GET /users?search=` runs it: which users match, and the relevance order
/// GitLab keeps when the caller asks for no order of its own (`reorder_users`).
///
/// Clients that page through a search (python-gitlab's `list(search=…, get_all=True)`) see
/// the pages in this order, so it has to be GitLab's, not the list's default `id desc`.
struct UserSearch {
  /// `Gitlab::SQL::Pattern::MIN_CHARS_FOR_PARTIAL_MATCHING`: shorter words only match a
  /// whole name or username.
  static let minimumPartialLength = 3

  /// Downcased, without a leading `@`, as `User.search` takes it.
  let query: String
  /// The words of `Gitlab::SQL::Pattern.split_query_to_search_terms` long enough for a
  /// partial match; empty when every word is shorter.
  let words: [String]

  /// Nil for a missing or blank query, which `UsersFinder#by_search` ignores.
  init?(_ text: String?) {
    guard let text else { return nil }
    var query = text
    if query.hasPrefix("@") { query.removeFirst() }
    query = query.lowercased()
    guard !query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
    self.query = query
    self.words = UserSearch.terms(of: UserSearch.squish(query)).filter {
      $0.count >= UserSearch.minimumPartialLength
    }
  }

  /// ActiveSupport's `squish`: trimmed, inner whitespace runs collapsed to one space.
  static func squish(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// Whitespace-separated words, then the `"quoted phrases"` (standing alone between spaces)
  /// without their quotes, in that order.
  static func terms(of query: String) -> [String] {
    var plain: [String] = []
    var quoted: [String] = []
    for (index, chunk) in phrases(query).enumerated() {
      if index % 2 == 1 { quoted.append(chunk) } else { plain.append(chunk) }
    }
    return plain.joined(separator: " ").split(separator: " ").map(String.init) + quoted
  }

  /// Alternating unquoted text and quoted phrases (`REGEX_QUOTED_TERM`: a quote opening at
  /// the start or after a space, closing before a space or the end, with no quote inside).
  private static func phrases(_ query: String) -> [String] {
    let characters = Array(query)
    var chunks: [String] = []
    var current = ""
    var index = 0
    while index < characters.count {
      let opensPhrase = characters[index] == "\"" && (index == 0 || characters[index - 1] == " ")
      if opensPhrase, let close = closingQuote(characters, after: index) {
        chunks.append(current)
        chunks.append(String(characters[(index + 1)..<close]))
        current = ""
        index = close + 1
        continue
      }
      current.append(characters[index])
      index += 1
    }
    chunks.append(current)
    return chunks
  }

  private static func closingQuote(_ characters: [Character], after open: Int) -> Int? {
    var index = open + 1
    while index < characters.count, characters[index] != "\"" { index += 1 }
    guard index < characters.count, index > open + 1 else { return nil }
    return index + 1 == characters.count || characters[index + 1] == " " ? index : nil
  }

  /// `fuzzy_arel_match`: every long word somewhere in the column (ILIKE `%word%`), or, with
  /// no long word, the whole squished query as the column's entire value, case-insensitively.
  func fuzzyMatches(_ column: String) -> Bool {
    let value = column.lowercased()
    if words.isEmpty { return value == UserSearch.squish(query) }
    return words.allSatisfy { value.contains($0) }
  }

  /// Name or username match for everyone; administrators also match the primary address and
  /// confirmed secondary addresses exactly (`with_primary_or_secondary_email`). Emulated
  /// users have no public e-mail, so nobody else matches on an address.
  func matches(_ user: UserRecord, isAdmin: Bool, _ data: StoreData) -> Bool {
    if fuzzyMatches(user.username) || fuzzyMatches(user.name) { return true }
    guard isAdmin else { return false }
    return user.email.lowercased() == query
      || data.emails.values.contains {
        $0.userID == user.id && $0.email == query && $0.confirmedAt != nil
      }
  }

  /// The relevance order: the username equal to the query, then the name equal to it, then
  /// the rest; within each, by name, then by id ascending.
  func sorted(_ users: [UserRecord]) -> [UserRecord] {
    func priority(_ user: UserRecord) -> Int {
      if user.username.lowercased() == query { return 1 }
      if user.name.lowercased() == query { return 2 }
      return 3
    }
    return users.sorted { first, second in
      (priority(first), first.name, first.id) < (priority(second), second.name, second.id)
    }
  }
}
