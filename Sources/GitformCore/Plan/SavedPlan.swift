import Foundation

/// A plan saved with `plan -out=FILE`, for `apply FILE`: what was decided and what it was
/// decided from — never a secret.
///
/// The file holds the planning options, the state's lineage and serial, SHA-256 digests of the
/// configuration files' tokens (comments and layout aside) and of the variable values (values themselves may be secrets, so only
/// their digest is kept: apply needs the same `-var`s again), and every change's address,
/// action and reason. `apply FILE` refuses a stale plan (the state moved on, the configuration
/// or variables differ) and re-plans; if GitLab changed so the actions differ, it refuses too,
/// so it performs exactly the saved actions or nothing.
public struct SavedPlan: Equatable, Sendable {
  public static let formatVersion = 1

  public var lineage: String
  public var serial: UInt64
  public var configurationDigest: String
  public var variablesDigest: String
  public var destroy: Bool
  public var refresh: Bool
  public var targets: [String]
  public var replace: [String]
  /// `address action` lines, sorted, e.g. `user_token.ci replace`.
  public var actions: [String]
  /// Why, by action line: "scopes changed", "revoked outside gitform" (for `show -json`).
  public var reasons: [String: String] = [:]
  /// The plan's clock (RFC 3339, UTC): `apply FILE` runs on it, so a rotation's new expiry is
  /// the one the plan showed, however much later the plan is applied.
  public var plannedAt: String?

  public init(
    lineage: String, serial: UInt64, configurationDigest: String, variablesDigest: String,
    destroy: Bool, refresh: Bool, targets: [String], replace: [String], actions: [String]
  ) {
    self.lineage = lineage
    self.serial = serial
    self.configurationDigest = configurationDigest
    self.variablesDigest = variablesDigest
    self.destroy = destroy
    self.refresh = refresh
    self.targets = targets
    self.replace = replace
    self.actions = actions
  }

  /// The actions of a plan in the saved form.
  public static func actions(of plan: Plan) -> [String] {
    plan.actions.map(line).sorted()
  }

  /// The reasons of a plan's actions, by action line.
  public static func reasons(of plan: Plan) -> [String: String] {
    var reasons: [String: String] = [:]
    for change in plan.actions { if let reason = change.reason { reasons[line(change)] = reason } }
    return reasons
  }

  static func line(_ change: ResourceChange) -> String {
    change.address.description + (change.deposedKey.map { " (deposed \($0))" } ?? "") + " "
      + change.action.rawValue + (change.importID != nil ? " import" : "")
  }

  /// SHA-256 over every configuration file's name and meaning, in name order: its tokens
  /// without comments, spaces or blank lines (a line comment still ends its line, and CRLF
  /// counts as LF), so editing a comment or re-formatting (`gitform fmt`) leaves a saved plan
  /// applicable while any change of what the configuration says makes it stale.
  public static func digest(of configuration: Configuration) -> String {
    var hasher = SHA256()
    for (name, bytes) in configuration.sources.sorted(by: { $0.key < $1.key }) {
      hasher.update(Array(name.utf8) + [0])
      hasher.update(meaningfulTokens(bytes, filename: name))
      hasher.update([0])
    }
    return hasher.finalize().map { String(format: "%02x", $0) }.joined()
  }

  /// The token stream as bytes, each token followed by 0x1F; comments and runs of newlines
  /// reduced to the one newline that separates two lines.
  static func meaningfulTokens(_ source: [UInt8], filename: String) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(source.count)
    var atLineStart = true
    func newline() {
      guard !atLineStart else { return }
      out += [0x0A, 0x1F]
      atLineStart = true
    }
    for token in Lexer.tokenize(source, filename: filename).tokens {
      switch token.kind {
      case .newline: newline()
      case .comment:
        // `# ...` and `// ...` end their line; `/* */` is only space.
        if token.bytes.last == 0x0A { newline() }
      case .endOfFile, .byteOrderMark: break
      default:
        out += token.bytes
        out.append(0x1F)
        atLineStart = false
      }
    }
    return out
  }

  /// SHA-256 over the variables' names and values (marks ignored).
  public static func digest(of variables: [String: Value]) -> String {
    var hasher = SHA256()
    for (name, value) in variables.sorted(by: { $0.key < $1.key }) {
      hasher.update(Array(name.utf8) + [0])
      hasher.update(Array(JSONWriter.compact(ValueJSON.json(value.deepUnmarked().0)).utf8) + [0])
    }
    return hasher.finalize().map { String(format: "%02x", $0) }.joined()
  }

  public var json: JSON {
    .object([
      ("gitform_plan", .integer(SavedPlan.formatVersion)), ("lineage", .string(lineage)),
      ("serial", .integer(serial)), ("configuration_sha256", .string(configurationDigest)),
      ("variables_sha256", .string(variablesDigest)), ("destroy", .bool(destroy)),
      ("refresh", .bool(refresh)), ("targets", .array(targets.map { .string($0) })),
      ("replace", .array(replace.map { .string($0) })), ("actions", .array(actions.map { .string($0) })),
      ("reasons", .sortedObject(reasons.mapValues { .string($0) })),
    ] + (plannedAt.map { [("planned_at", JSON.string($0))] } ?? []))
  }

  /// Reads a saved plan; nil when the bytes are not one.
  public static func decode(_ bytes: [UInt8]) -> SavedPlan? {
    guard let value = try? JSONParser.parse(bytes), value["gitform_plan"] == .integer(formatVersion),
      let lineage = value["lineage"]?.stringValue, case .number(let serialText)? = value["serial"],
      let serial = UInt64(serialText), let configuration = value["configuration_sha256"]?.stringValue,
      let variables = value["variables_sha256"]?.stringValue, let destroy = value["destroy"]?.boolValue,
      let refresh = value["refresh"]?.boolValue
    else { return nil }
    func strings(_ key: String) -> [String]? {
      guard let elements = value[key]?.arrayElements else { return nil }
      let texts = elements.compactMap(\.stringValue)
      return texts.count == elements.count ? texts : nil
    }
    guard let targets = strings("targets"), let replace = strings("replace"), let actions = strings("actions") else {
      return nil
    }
    var plan = SavedPlan(
      lineage: lineage, serial: serial, configurationDigest: configuration, variablesDigest: variables,
      destroy: destroy, refresh: refresh, targets: targets, replace: replace, actions: actions)
    plan.plannedAt = value["planned_at"]?.stringValue
    for member in value["reasons"]?.objectMembers ?? [] {
      if let reason = member.value.stringValue { plan.reasons[member.key] = reason }
    }
    return plan
  }
}
