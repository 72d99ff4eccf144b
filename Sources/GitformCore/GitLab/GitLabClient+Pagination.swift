import Foundation

/// Reading every page of a list: what refresh uses, one request per owner and page.
extension GitLabClient {
  /// Every element of the paginated list at `route`, following GitLab's `X-Next-Page` header
  /// (or, when a proxy dropped it, the `Link: <…>; rel="next"` URL's `page`) with 100 per page.
  ///
  /// Terminates: an empty page ends the list, each page must advance the page number, and at most
  /// `GitLabREST.maximumPages` pages are read; a server that breaks a rule gets
  /// `.malformedResponse`.
  func listAll<T: GitLabDecodable>(
    _ type: T.Type, route: String, _ segments: [String] = [],
    query: [(name: String, value: String)] = []
  ) throws -> [T] {
    var results: [T] = []
    var page = 1
    for _ in 0..<GitLabREST.maximumPages {
      let pageQuery =
        query + [
          (name: "per_page", value: String(GitLabREST.maximumPageSize)),
          (name: "page", value: String(page)),
        ]
      let request = try request(.get, route, segments, query: pageQuery)
      let exchange = try execute(request)
      let items = try decode([T].self, from: exchange, of: request)
      results += items
      guard !items.isEmpty, let next = try GitLabClient.nextPage(of: exchange, for: request) else {
        return results
      }
      guard next > page else {
        throw GitLabError.malformed(
          request: request, status: exchange.response.status,
          problem: "its next page (\(next)) does not follow page \(page)",
          attempts: exchange.attempts)
      }
      page = next
    }
    let request = try request(.get, route, segments, query: query)
    throw GitLabError.malformed(
      request: request, status: 200,
      problem: "it kept announcing further pages after \(GitLabREST.maximumPages) pages",
      attempts: 1)
  }

  /// The next page number announced by a list answer, or nil on the last page.
  static func nextPage(of exchange: Exchange, for request: GitLabRequest) throws -> Int? {
    let response = exchange.response
    if let header = response.header("X-Next-Page") {
      let trimmed = header.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty { return nil }
      guard let page = Int(trimmed) else {
        throw GitLabError.malformed(
          request: request, status: response.status,
          problem: "its X-Next-Page header is not a page number", attempts: exchange.attempts)
      }
      return page
    }
    guard let link = response.header("Link") else { return nil }
    return nextPage(inLinkHeader: link)
  }

  /// The `page` query value of the `rel="next"` entry of an RFC 8288 `Link` header.
  ///
  /// Only the page number is taken: the URL itself names GitLab's configured external host,
  /// which may differ from the one gitform reaches it by.
  static func nextPage(inLinkHeader header: String) -> Int? {
    for entry in header.split(separator: ",") {
      let parts = entry.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
      let isNext = parts.dropFirst().contains { attribute in
        let compact = attribute.replacingOccurrences(of: " ", with: "")
        return compact == "rel=\"next\"" || compact == "rel=next"
      }
      guard isNext, let target = parts.first, target.hasPrefix("<"), target.hasSuffix(">") else {
        continue
      }
      let url = String(target.dropFirst().dropLast())
      guard let items = URLComponents(string: url)?.queryItems,
        let value = items.first(where: { $0.name == "page" })?.value
      else { return nil }
      return Int(value)
    }
    return nil
  }
}
