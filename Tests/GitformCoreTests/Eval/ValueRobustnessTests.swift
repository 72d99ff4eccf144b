import XCTest

@testable import GitformCore

/// Random values of every kind (nulls, unknowns, sensitive, nested, extreme numbers, odd
/// strings) through every function, operator and conversion: each call must return a value
/// or a failure, never trap or hang. Seeded, so a failure reproduces.
final class ValueRobustnessTests: XCTestCase {
  /// SplitMix64: small, fast and deterministic.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  private static let strings = [
    "", "a", "héllo", "%d", "%[9]s", "%-09.3f", "%", "1e3", "-0", "true", "0", "/(/", "/[a-z]+/",
    "YYYY-MM-DD'T'hh:mm:ssZ", "2024-02-29T12:00:00+05:30", "1h30m", "-1.5h", "9999999999999h",
    "{\"a\":[1,{\"b\":null}]}", "[[[[", "\u{0}", "😀🇫🇷", "${x}", "\\u0041", "a,b,,c", " x ",
  ]
  private static let numbers = [
    "0", "1", "-1", "0.5", "2.675", "1e38", "99999999999999999999999999999999999999", "-1e-100",
    "123456789.123456789", "9223372036854775807", "-9223372036854775808", "1e127", "1e-128",
    "3e-60", "1e60", "-99999999999999999999999999999999999999e89",
    "0.3333333333333333333333333333333333333e-90",
  ]

  func randomValue(_ rng: inout Generator, depth: Int = 0) -> Value {
    var value: Value
    switch Int.random(in: 0..<(depth > 2 ? 6 : 11), using: &rng) {
    case 0: value = .null
    case 1:
      value = .unknown(
        [ValueType.dynamic, .string, .number, .list(.string)].randomElement(using: &rng)!)
    case 2: value = .bool(Bool.random(using: &rng))
    case 3, 4: value = .number(Decimal(string: Self.numbers.randomElement(using: &rng)!)!)
    case 5: value = .string(Self.strings.randomElement(using: &rng)!)
    case 6, 7:
      value = .tuple(
        (0..<Int.random(in: 0...3, using: &rng)).map { _ in randomValue(&rng, depth: depth + 1) })
    case 8:
      var attributes: [String: Value] = [:]
      for _ in 0..<Int.random(in: 0...3, using: &rng) {
        attributes[Self.strings.randomElement(using: &rng)!] = randomValue(&rng, depth: depth + 1)
      }
      value = .object(attributes)
    case 9:
      let elements = (0..<Int.random(in: 0...3, using: &rng)).map { _ in
        Value.string(Self.strings.randomElement(using: &rng)!)
      }
      value =
        Bool.random(using: &rng)
        ? .list(elements, elementType: .string) : .set(elements, elementType: .string)
    default:
      value = .map(
        ["a": .number(1), "b": randomValue(&rng, depth: depth + 1)].mapValues { _ in .number(2) },
        elementType: .number)
    }
    return value.marked(sensitive: Int.random(in: 0..<8, using: &rng) == 0)
  }

  func testFunctionsNeverTrap() {
    var rng = Generator(state: 1)
    let context = EvalContext(clock: .fixed(Date(timeIntervalSince1970: 0)), mode: .apply)
    var calls = 0
    for name in context.functionNames where !FunctionTable.lazyNames.contains(name) {
      guard let function = context.functions[name] else { continue }
      // bcrypt costs 2^10 Blowfish key schedules a call by default (0.1 s in a debug build):
      // 400 calls took 45 of this test's 58 s, 20 reach the same argument shapes.
      for _ in 0..<(name == "bcrypt" ? 20 : 400) {
        let arguments = (0..<Int.random(in: 0...4, using: &rng)).map { _ in randomValue(&rng) }
        _ = function.call(arguments, environment: context.functionEnvironment)
        calls += 1
      }
    }
    XCTAssertGreaterThan(calls, 15_000)
  }

  func testOperatorsConversionsAndRenderingNeverTrap() {
    var rng = Generator(state: 2)
    let types: [ValueType] = [
      .dynamic, .string, .number, .bool, .list(.dynamic), .set(.string), .map(.number),
      .tuple([.string, .number]), .object(["a": .string]),
    ]
    for _ in 0..<3_000 {
      let a = randomValue(&rng)
      let b = randomValue(&rng)
      for op in BinaryOperator.allCases { _ = op.apply(a, b) }
      _ = UnaryOperator.negate.apply(a)
      _ = UnaryOperator.not.apply(a)
      _ = a.converted(to: types.randomElement(using: &rng)!)
      _ = ValueType.unify([a.type, b.type])
      _ = a.description
      var json = ""
      EncodingFunctions.encode(a, into: &json)
      XCTAssertFalse(a.isSensitive && a.description != "(sensitive value)")
    }
  }
}
