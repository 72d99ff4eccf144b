import Foundation

/// GitLab's offset pagination (§0.6): `page`/`per_page` (default 20, clamped to 100), the
/// `X-*` headers, and an absolute `Link` header on the address the client used.
enum Pagination {
  static let defaultPerPage = 20
  static let maximumPerPage = 100
  /// Kaminari's count limit: above it the totals and `rel="last"` are left out.
  static let countLimit = 10_000

  /// One page of `items` (already in order) as a JSON array reply with pagination headers.
  static func reply<T>(_ items: [T], _ request: APIRequest, render: (T) -> JSONValue) throws
    -> Reply
  {
    let requestedPage = try request.params.int("page") ?? 1
    let page = max(requestedPage, 1)
    let requestedPerPage = try request.params.int("per_page") ?? defaultPerPage
    let perPage = requestedPerPage < 1 ? defaultPerPage : min(requestedPerPage, maximumPerPage)
    let total = items.count
    let totalPages = max((total + perPage - 1) / perPage, 1)
    // A page past the end is empty; checking first keeps a huge `page` from overflowing.
    let start = page > total ? total : min((page - 1) * perPage, total)
    let end = min(start + perPage, total)
    let next = page < totalPages ? page + 1 : nil
    let previous = page > 1 ? min(page - 1, totalPages) : nil
    let counted = total <= countLimit

    var headers: [(name: String, value: String)] = [
      ("X-Page", String(page)), ("X-Per-Page", String(perPage)),
      ("X-Next-Page", next.map(String.init) ?? ""), ("X-Prev-Page", previous.map(String.init) ?? ""),
    ]
    if counted {
      headers += [("X-Total", String(total)), ("X-Total-Pages", String(totalPages))]
    }
    var links: [String] = []
    if let previous { links.append("<\(url(request, page: previous, perPage: perPage))>; rel=\"prev\"") }
    if let next { links.append("<\(url(request, page: next, perPage: perPage))>; rel=\"next\"") }
    links.append("<\(url(request, page: 1, perPage: perPage))>; rel=\"first\"")
    if counted {
      links.append("<\(url(request, page: totalPages, perPage: perPage))>; rel=\"last\"")
    }
    headers.append(("Link", links.joined(separator: ", ")))
    return Reply(
      status: 200, body: .json(.array(items[start..<end].map(render))), headers: headers)
  }

  /// The request URL on the client's host, with its query minus paging plus the given page.
  private static func url(_ request: APIRequest, page: Int, perPage: Int) -> String {
    let kept = (request.http.query ?? "").split(separator: "&").filter { pair in
      let name = pair.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
      return !pair.isEmpty && name != "page" && name != "per_page"
    }
    let query = (kept.map(String.init) + ["page=\(page)", "per_page=\(perPage)"])
      .joined(separator: "&")
    return request.webBase + request.http.path + "?" + query
  }
}
