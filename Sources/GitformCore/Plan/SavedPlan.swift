import Foundation

/// A plan saved with `plan -out=FILE`, for `apply FILE`: what was decided and what it was
/// decided from — never a secret.
///
/// The file holds the planning options (`-destroy`, `-refresh`, targets, replacements), the
/// state's lineage and serial, digests of the configuration (its tokens, comments and layout
/// aside), of the variable values and of every change apply will make (action, planned value
/// with its unknowns, replace paths, reason), the plan text as `plan` printed it and the plan in
/// Terraform's JSON shape (sensitive leaves redacted) for `show`. Every digest, and the MAC over
/// the whole file, is an HMAC-SHA-256 keyed with the state's `planKey`: who can read the plan
/// artifact but not the state can neither guess a variable offline nor forge an edited plan.
/// `apply FILE` refuses a file changed in any byte, a plan for another lineage or an older
/// serial, and re-plans: if anything it would do differs, it refuses too.
public struct SavedPlan: Equatable, Sendable {
  public static let formatVersion = 2

  public var lineage: String
  public var serial: UInt64
  public var configurationDigest: String
  public var variablesDigest: String
  /// The keyed digest of everything apply will do (see `changesDigest(of:key:)`).
  public var changesDigest: String
  public var destroy: Bool
  public var refresh: Bool
  /// `-refresh-only`: applying records the refreshed state and changes nothing.
  public var refreshOnly = false
  public var targets: [String]
  public var replace: [String]
  /// `address action` lines, sorted, e.g. `user_token.ci replace`.
  public var actions: [String]
  /// Why, by action line: "scopes changed", "revoked outside gitform".
  public var reasons: [String: String] = [:]
  /// The plan's clock (RFC 3339, UTC): `apply FILE` runs on it, so a rotation's new expiry is
  /// the one the plan showed, however much later the plan is applied.
  public var plannedAt: String?
  /// The plan as `plan -no-color` printed it (sensitive values already masked there).
  public var text: String = ""
  /// The plan in Terraform's JSON plan shape, sensitive leaves redacted (for `show -json`).
  public var document: JSON = .null
  /// HMAC of every other field as written; set by `sealed(key:)`.
  public var mac: String = ""

  public init(
    lineage: String, serial: UInt64, configurationDigest: String, variablesDigest: String,
    changesDigest: String, destroy: Bool, refresh: Bool, targets: [String], replace: [String],
    actions: [String]
  ) {
    self.lineage = lineage
    self.serial = serial
    self.configurationDigest = configurationDigest
    self.variablesDigest = variablesDigest
    self.changesDigest = changesDigest
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

  /// The reasons of a plan's actions, by action line, in the views' words.
  public static func reasons(of plan: Plan, words: (ActionReason) -> String) -> [String: String] {
    var reasons: [String: String] = [:]
    for change in plan.actions { if let reason = change.reason { reasons[line(change)] = words(reason) } }
    return reasons
  }

  static func line(_ change: ResourceChange) -> String {
    change.address.description + (change.deposedKey.map { " (deposed \($0))" } ?? "") + " "
      + change.action.rawValue + (change.importID != nil ? " import" : "")
  }

  // MARK: - The file

  /// The fields in file order, without the MAC.
  private var members: [(key: String, value: JSON)] {
    [
      ("gitform_plan", .integer(SavedPlan.formatVersion)), ("lineage", .string(lineage)),
      ("serial", .integer(serial)), ("configuration_hmac", .string(configurationDigest)),
      ("variables_hmac", .string(variablesDigest)), ("changes_hmac", .string(changesDigest)),
      ("destroy", .bool(destroy)), ("refresh", .bool(refresh)),
    ] + (refreshOnly ? [("refresh_only", .bool(true))] : []) + [
      ("targets", .array(targets.map { .string($0) })), ("replace", .array(replace.map { .string($0) })),
      ("actions", .array(actions.map { .string($0) })),
      ("reasons", .sortedObject(reasons.mapValues { .string($0) })),
      ("planned_at", plannedAt.map { .string($0) } ?? .null), ("plan_text", .string(text)),
      ("plan_json", document),
    ]
  }

  /// The bytes the MAC covers: every field but the MAC, compact.
  private var signedBytes: [UInt8] { Array(JSONWriter.compact(.object(members)).utf8) }

  /// The file's bytes: indented JSON ending in the MAC member.
  public var bytes: [UInt8] {
    Array((JSONWriter.indented(.object(members + [("hmac", .string(mac))])) + "\n").utf8)
  }

  /// This plan with its MAC computed under `key` (the state's `planKey`).
  public func sealed(key: String) -> SavedPlan {
    var copy = self
    copy.mac = HMACSHA256.hexDigest(key: Array(key.utf8), signedBytes)
    return copy
  }

  /// True when `bytes` are exactly this plan as gitform wrote it and its MAC holds under `key`:
  /// a changed byte anywhere, even in the layout, fails one of the two.
  public func isIntact(_ bytes: [UInt8], key: String) -> Bool {
    bytes == self.bytes && HMACSHA256.equal(sealed(key: key).mac, mac)
  }

  // MARK: - Digests

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
    return HMACSHA256.hex(hasher.finalize())
  }

  /// The configuration's digest keyed with `key`.
  public static func digest(of configuration: Configuration, key: String) -> String {
    HMACSHA256.hexDigest(key: Array(key.utf8), Array(digest(of: configuration).utf8))
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

  /// HMAC over the variables' names and values (marks ignored). Keyed, because a value may be
  /// a secret and the plan file is readable by more people than the state.
  public static func digest(of variables: [String: Value], key: String) -> String {
    var mac = HMACSHA256(key: Array(key.utf8))
    for (name, value) in variables.sorted(by: { $0.key < $1.key }) {
      mac.update(Array(name.utf8) + [0])
      mac.update(Array(JSONWriter.compact(SavedPlanChanges.json(value)).utf8) + [0])
    }
    return HMACSHA256.hex(mac.finalize())
  }

  /// HMAC over everything apply will do (see `SavedPlanChanges`).
  public static func changesDigest(of plan: Plan, key: String) -> String {
    HMACSHA256.hexDigest(key: Array(key.utf8), Array(JSONWriter.compact(SavedPlanChanges.json(plan)).utf8))
  }
}
