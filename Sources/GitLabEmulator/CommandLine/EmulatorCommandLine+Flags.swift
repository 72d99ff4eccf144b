import Foundation
import Glibc

extension EmulatorCommandLine {
  /// The flags that take a value, each knowing how to validate and store it.
  enum Flag: String {
    case host, port
    case rootToken = "root-token"
    case data
    case latencyMilliseconds = "latency-ms"
    case failRate = "fail-rate"
    case failSeed = "fail-seed"
    case rateLimit = "rate-limit"
    case now

    /// Stores `value` in `configuration`; returns what is wrong with it otherwise.
    func apply(_ value: String, to configuration: inout EmulatorConfiguration) -> String? {
      switch self {
      case .host:
        guard Flag.isIPAddress(value) else { return "not an IP address" }
        configuration.host = value
      case .port:
        guard let port = Int(value), (0...65535).contains(port) else {
          return "must be a whole number from 0 to 65535"
        }
        configuration.port = port
      case .rootToken:
        guard !value.isEmpty, !value.contains(where: \.isWhitespace) else {
          return "must be non-empty and without spaces"
        }
        configuration.rootToken = value
      case .data:
        guard !value.isEmpty else { return "must be a file path" }
        configuration.dataFile = value
      case .latencyMilliseconds:
        guard let milliseconds = Int(value), (0...600_000).contains(milliseconds) else {
          return "must be a whole number of milliseconds from 0 to 600000"
        }
        configuration.latencyMilliseconds = milliseconds
      case .failRate:
        guard let rate = Double(value), rate.isFinite, (0...1).contains(rate) else {
          return "must be a number from 0 to 1"
        }
        configuration.failRate = rate
      case .failSeed:
        guard let seed = UInt64(value) else { return "must be a whole number from 0 to 2^64-1" }
        configuration.failSeed = seed
      case .rateLimit:
        guard let limit = Int(value), limit >= 0 else {
          return "must be a whole number of requests per minute (0 for unlimited)"
        }
        configuration.rateLimitPerMinute = limit == 0 ? nil : limit
      case .now:
        guard let date = Flag.parseRFC3339(value) else {
          return "must be an RFC 3339 time such as 2026-01-31T12:00:00Z"
        }
        configuration.now = date
      }
      return nil
    }

    /// An IPv4 or IPv6 literal: the server binds addresses, it does not resolve names.
    static func isIPAddress(_ text: String) -> Bool {
      var v4 = in_addr()
      var v6 = in6_addr()
      return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }

    /// `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`, with `t`/`z` accepted as RFC 3339 allows.
    static func parseRFC3339(_ text: String) -> Date? {
      let upper = text.uppercased()
      let formatter = ISO8601DateFormatter()
      formatter.formatOptions = [.withInternetDateTime]
      if let date = formatter.date(from: upper) { return date }
      formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
      return formatter.date(from: upper)
    }
  }
}
