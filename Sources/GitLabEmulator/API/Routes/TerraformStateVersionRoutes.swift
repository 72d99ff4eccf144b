import Foundation

/// `GET`/`DELETE /projects/:id/terraform/state/:name/versions/:serial` (§3.1 of the CI
/// reference): one stored version's bytes (Developer+), or its removal (Maintainer+). The
/// same authentication as the state routes: Basic with a token or `gitlab-ci-token:<job token>`.
enum TerraformStateVersionRoutes {
  static let base = TerraformStateRoutes.base + "/versions/:serial"
  static let routes: [Route] = [
    Route("GET", base, basicAuth: true, jobTokens: .basicAuth, show),
    Route("DELETE", base, basicAuth: true, jobTokens: .basicAuth, delete),
  ]

  static func show(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let serial = try request.pathInt("serial")
    let (_, key) = try TerraformStateRoutes.access(request, data, write: false)
    guard let bytes = data.terraformStates[key]?.versions?[serial] else { throw APIError.notFound() }
    return Reply(status: 200, body: .raw(bytes, contentType: "application/octet-stream"))
  }

  /// Removing the newest version makes the one before it the state (none left: GET is 204).
  static func delete(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let serial = try request.pathInt("serial")
    let (_, key) = try TerraformStateRoutes.access(request, data, write: true)
    guard var state = data.terraformStates[key], state.versions?[serial] != nil else {
      throw APIError.notFound()
    }
    state.versions?[serial] = nil
    state.serials.remove(serial)
    let newest = state.versions?.keys.max()
    state.latest = newest.flatMap { state.versions?[$0] }
    data.terraformStates[key] = state
    return .noContent
  }
}
