import Foundation

/// Who holds the state lock and why: Terraform's `LockInfo`, written as JSON to
/// `.gitform.tfstate.lock.info` while the lock is held.
///
/// Field names and order are Terraform's (`ID`, `Operation`, `Info`, `Who`, `Version`,
/// `Created`, `Path`) so that people and tools that know Terraform's lock files read ours.
public struct LockInfo: Equatable, Sendable {
  /// Operation names as Terraform writes them; commands like `state rm` use their own names.
  public static let plan = "OperationTypePlan"
  public static let apply = "OperationTypeApply"
  public static let refresh = "OperationTypeRefresh"

  /// A random UUID; `force-unlock` must be given it.
  public var id: String
  public var operation: String
  public var info: String
  /// `user@hostname`.
  public var who: String
  /// gitform's version.
  public var version: String
  /// UTC, RFC 3339 with nanoseconds and trailing zeros dropped (Go's `RFC3339Nano`).
  public var created: String
  /// The state file as the user named it.
  public var path: String

  public init(
    id: String = UUIDText.random(), operation: String, info: String = "", who: String = LockInfo.currentWho(),
    version: String, created: String = LockInfo.now(), path: String
  ) {
    self.id = id
    self.operation = operation
    self.info = info
    self.who = who
    self.version = version
    self.created = created
    self.path = path
  }

  var json: JSON {
    .object([
      ("ID", .string(id)), ("Operation", .string(operation)), ("Info", .string(info)),
      ("Who", .string(who)), ("Version", .string(version)), ("Created", .string(created)),
      ("Path", .string(path)),
    ])
  }

  /// Reads lock info JSON; nil when the text is not lock info.
  static func decode(_ bytes: [UInt8]) -> LockInfo? {
    guard let value = try? JSONParser.parse(bytes), let id = value["ID"]?.stringValue else { return nil }
    func text(_ key: String) -> String { value[key]?.stringValue ?? "" }
    return LockInfo(
      id: id, operation: text("Operation"), info: text("Info"), who: text("Who"),
      version: text("Version"), created: text("Created"), path: text("Path"))
  }

  /// `Created` as Go's `time.Time.String()` shows it in Terraform's lock messages:
  /// `2026-11-22 11:45:56.778059166 +0000 UTC`; as written when it is not a timestamp.
  public var createdForDisplay: String {
    RFC3339Timestamp.parse(created)?.goDescription ?? created
  }

  /// `user@hostname` for the current process.
  public static func currentWho() -> String {
    var user = ProcessInfo.processInfo.environment["USER"] ?? ""
    if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
      user = String(cString: name)
    }
    var host = [CChar](repeating: 0, count: 256)
    let hostName = gethostname(&host, host.count) == 0 ? String(cString: host) : "localhost"
    return "\(user)@\(hostName)"
  }

  /// The current UTC time in Go's RFC3339Nano form.
  public static func now() -> String {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return rfc3339Nano(seconds: Int(spec.tv_sec), nanoseconds: Int(spec.tv_nsec))
  }

  static func rfc3339Nano(seconds: Int, nanoseconds: Int) -> String {
    RFC3339Timestamp(seconds: seconds, nanoseconds: nanoseconds, offset: 0).formattedNano
  }
}
