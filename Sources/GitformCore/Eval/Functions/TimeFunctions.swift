import Foundation

/// Time functions. Timestamps are RFC 3339 strings in, RFC 3339 strings out, as in Terraform.
///
/// `timestamp()` reads the clock when called and is unknown until apply; `plantimestamp()`
/// is one reading per run and unknown during `validate`. Both read the injectable clock, so
/// `GITFORM_NOW` makes them reproducible.
enum TimeFunctions {
  static let all: [Function] = [
    Function("plantimestamp", [], returns: .string) { _, environment in
      guard environment.mode != .validate else { return .unknown(.string) }
      return .string(environment.planTimestamp.formatted)
    },
    Function("timestamp", [], returns: .string) { _, environment in
      guard environment.mode == .apply else { return .unknown(.string) }
      return .string(RFC3339Timestamp(date: environment.clock.now(), offset: 0).formatted)
    },
    Function(
      "timeadd", [StringFunctions.string("timestamp"), StringFunctions.string("duration")],
      returns: .string
    ) { args, _ in
      let timestamp = try parse(args[0].stringValue ?? "", index: nil)
      let text = args[1].stringValue ?? ""
      guard case .success(let nanoseconds) = GoDuration.parse(text) else {
        if case .failure(let error) = GoDuration.parse(text) {
          throw FunctionError.call(error.message)
        }
        throw FunctionError.call("time: invalid duration \(Value.quoted(text))")
      }
      // Durations are bounded by Go's 64-bit nanoseconds, so the count is an `Int`.
      guard let delta = DecimalArithmetic.intValue(DecimalArithmetic.truncated(nanoseconds)),
        let result = timestamp.adding(nanoseconds: delta)
      else { throw FunctionError.call("time: invalid duration \(Value.quoted(text))") }
      return .string(result.formatted)
    },
    Function(
      "timecmp", [StringFunctions.string("timestamp_a"), StringFunctions.string("timestamp_b")],
      returns: .number
    ) { args, _ in
      let a = try parse(args[0].stringValue ?? "", index: 0)
      let b = try parse(args[1].stringValue ?? "", index: 1)
      return .number(a < b ? -1 : b < a ? 1 : 0)
    },
    Function(
      "formatdate", [StringFunctions.string("format"), StringFunctions.string("time")],
      returns: .string
    ) { args, _ in
      let timestamp = try parse(args[1].stringValue ?? "", index: 1)
      switch DateFormat.format(args[0].stringValue ?? "", timestamp) {
      case .success(let text): return .string(text)
      case .failure(let error): throw FunctionError.argument(index: 0, error.message)
      }
    },
  ]

  /// Parses an RFC 3339 argument; a bad one blames argument `index`, or the call when nil.
  static func parse(_ text: String, index: Int?) throws -> RFC3339Timestamp {
    switch RFC3339Parser.parse(text) {
    case .success(let timestamp): return timestamp
    case .failure(let failure):
      let message = "not a valid RFC3339 timestamp: \(failure.reason)"
      if let index { throw FunctionError.argument(index: index, message) }
      throw FunctionError.call(message)
    }
  }
}
