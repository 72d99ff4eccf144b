import Foundation

/// Following a renamed or transferred project to its new home.
///
/// GitLab answers a GET on a moved project's old path with a 301 whose `Location` names the
/// project by numeric id, and every other method with 405 ("Non GET methods are not allowed
/// for moved projects"). The client follows a redirect of a GET only within the API base URL —
/// same scheme, host, port and path prefix — so the token is never sent anywhere else; it notes
/// the project's id (`moved`), so later requests use the id; and it sends a write refused with
/// 405 once more by id (a 405 is refused before any work, so nothing is done twice).
extension GitLabClient {
  /// Redirects followed for one request, beyond which the answer is an error.
  static let maximumRedirects = 3

  /// The request to send after `response` redirected `request`, or nil when it must not be
  /// followed (not a GET, no `Location`, or a `Location` outside the API base URL).
  func redirect(of request: GitLabRequest, by response: GitLabResponse) -> GitLabRequest? {
    guard request.method == .get, [301, 302, 303, 307, 308].contains(response.status),
      let location = response.header("Location"),
      let target = URL(string: location, relativeTo: request.url)?.absoluteURL,
      target.absoluteString.hasPrefix(connection.apiBaseURL.absoluteString + "/")
    else { return nil }
    var next = request
    next.url = target
    return next
  }

  /// After following `request` to `next`: a project reached by path that answers by id has
  /// moved; later requests address it by id.
  func noteMove(from request: GitLabRequest, to next: GitLabRequest) {
    guard let old = projectSegment(of: request.url), GitLabReference(old).isPath,
      let new = projectSegment(of: next.url), case .id(let id) = GitLabReference(new)
    else { return }
    moved.record(isGroup: false, oldPath: old, id: id)
  }

  /// For a write refused with 405 because its project moved: the same request by the
  /// project's id, found by following its old path; nil when that is not the case.
  func byMovedProjectID(_ request: GitLabRequest, refusal: GitLabError) throws -> GitLabRequest? {
    guard refusal.status == 405, request.method != .get, request.route.hasPrefix("/projects/:id"),
      let old = projectSegment(of: request.url), GitLabReference(old).isPath
    else { return nil }
    let id = try moved.id(of: old, isGroup: false) ?? project(.path(old)).id
    moved.record(isGroup: false, oldPath: old, id: id)
    let base = connection.apiBaseURL.absoluteString + "/projects/"
    let rest = request.url.absoluteString.dropFirst(base.count + GitLabURLEncoding.pathSegment(old).count)
    guard let url = URL(string: base + String(id) + rest) else { return nil }
    var retry = request
    retry.url = url
    return retry
  }

  /// The decoded `:id` of a `/projects/:id…` URL under the API base, or nil.
  private func projectSegment(of url: URL) -> String? {
    let base = connection.apiBaseURL.absoluteString + "/projects/"
    let text = url.absoluteString
    guard text.hasPrefix(base) else { return nil }
    let segment = text.dropFirst(base.count).prefix { $0 != "/" && $0 != "?" }
    guard !segment.isEmpty else { return nil }
    return String(segment).removingPercentEncoding
  }

  /// The already-encoded `:id` segment of a project or group route, by id when this run learnt
  /// that its path moved.
  func currentSegment(_ segment: String, route: String) -> String {
    let isGroup = route.hasPrefix("/groups/:id")
    guard isGroup || route.hasPrefix("/projects/:id"), let path = segment.removingPercentEncoding,
      GitLabReference(path).isPath, let id = moved.id(of: path, isGroup: isGroup)
    else { return segment }
    return String(id)
  }
}

extension GitLabReference {
  var isPath: Bool {
    if case .path = self { return true }
    return false
  }
}
