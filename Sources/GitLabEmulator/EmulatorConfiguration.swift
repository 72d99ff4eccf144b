import Foundation

/// Everything the emulator's command line can set (see DESIGN.md for the flags).
///
/// The HTTP server and the API both read it; tests build one directly to run the emulator
/// in-process. Defaults match the command line's defaults.
public struct EmulatorConfiguration: Sendable, Equatable {
  /// Address to bind: loopback only, by the workplace's rules.
  public var host: String = "127.0.0.1"
  /// 0 picks a free port.
  public var port: Int = 0
  /// The token of user 1, `root`, an administrator.
  public var rootToken: String = "glpat-emulator-root-token"
  /// When set, everything is loaded from this JSON file at start and saved to it atomically
  /// after every change.
  public var dataFile: String?
  /// Added to every API response.
  public var latencyMilliseconds: Int = 0
  /// Probability in [0, 1] that an API request fails with 500, 502 or 503.
  public var failRate: Double = 0
  /// Seed of the failure generator, so that injected failures are reproducible.
  public var failSeed: UInt64 = 1
  /// API requests per minute per token; nil means unlimited.
  public var rateLimitPerMinute: Int?
  /// The emulator's clock at start; nil means the real time.
  public var now: Date?

  public init() {}
}
