import Foundation

/// `GET`/`PUT /application/settings` (admin), limited to the settings the emulator models:
/// the SSH key restrictions that `POST …/keys` enforces.
enum ApplicationSettingsRoutes {
  static let routes: [Route] = [
    Route("GET", "/api/v4/application/settings", show),
    Route("PUT", "/api/v4/application/settings", update),
  ]

  static func render(_ data: StoreData) -> JSONValue {
    let values = KeyRestrictions(data.keyRestrictions).values
    return .object(KeyRestrictions.settingNames.map { ($0.setting, .int(values[$0.setting] ?? 0)) })
  }

  static func show(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    try request.requireAdmin()
    return .json(render(data))
  }

  /// A restriction is 0 (any size), -1 (forbidden) or one of the technology's sizes.
  static func update(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    try request.requireAdmin()
    var changed = data.keyRestrictions ?? [:]
    var errors: [(String, [String])] = []
    for (setting, _) in KeyRestrictions.settingNames {
      guard let value = try request.params.int(setting) else { continue }
      let allowed = (KeyRestrictions.supportedSizes[setting] ?? []).union([0, -1])
      if allowed.contains(value) {
        changed[setting] = value
      } else {
        errors.append((setting, ["is not included in the list"]))
      }
    }
    if !errors.isEmpty { throw APIError.validation(errors) }
    data.keyRestrictions = changed
    return .json(render(data))
  }
}
