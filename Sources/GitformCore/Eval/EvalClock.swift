import Foundation

/// Where evaluation gets the current time from, so time functions are testable and
/// reproducible.
///
/// `GITFORM_NOW=2026-01-02T03:04:05Z` fixes the clock (RFC 3339) for tests and reproducible
/// runs; otherwise it is the system clock. `plantimestamp()` does not read the clock on every
/// call: the `EvalContext` takes one reading per run.
public struct EvalClock: Sendable {
  public var now: @Sendable () -> Date

  public init(now: @escaping @Sendable () -> Date) {
    self.now = now
  }

  /// The system clock.
  public static let system = EvalClock(now: { Date() })

  /// A clock that always reads `date`.
  public static func fixed(_ date: Date) -> EvalClock { EvalClock(now: { date }) }

  /// What went wrong reading `GITFORM_NOW`; the CLI reports it and stops.
  public struct InvalidNow: Error, Equatable, Sendable {
    public var text: String
    public var message: String {
      "The environment variable GITFORM_NOW is \(Value.quoted(text)), which is not an RFC 3339 "
        + "timestamp such as \"2026-01-02T03:04:05Z\"."
    }
  }

  /// The fixed clock of `GITFORM_NOW` when set, else the system clock.
  public static func fromEnvironment(_ environment: [String: String]) -> Result<
    EvalClock, InvalidNow
  > {
    guard let text = environment["GITFORM_NOW"] else { return .success(.system) }
    guard let timestamp = RFC3339Timestamp.parse(text) else {
      return .failure(InvalidNow(text: text))
    }
    return .success(.fixed(timestamp.date))
  }
}
