import Foundation

/// Numeric functions: `abs`, `min` and `max`.
enum NumericFunctions {
  static let all: [Function] = [
    Function("abs", [StringFunctions.number("num")], returns: .number) { args, _ in
      let n = args[0].numberValue ?? 0
      return .number(n < 0 ? DecimalArithmetic.negate(n) : n)
    },
    extremum("min") { $0 < $1 },
    extremum("max") { $0 > $1 },
  ]

  private static func extremum(
    _ name: String, _ better: @escaping @Sendable (Decimal, Decimal) -> Bool
  ) -> Function {
    Function(name, [], variadic: StringFunctions.number("numbers"), returns: .number) { args, _ in
      guard var best = args.first?.numberValue else {
        throw FunctionError.call("must pass at least one number")
      }
      for n in args.dropFirst().compactMap(\.numberValue) where better(n, best) { best = n }
      return .number(best)
    }
  }
}
