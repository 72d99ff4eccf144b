import XCTest

@testable import GitformCore

/// A test case that calls built-in functions directly, with a fixed clock.
class FunctionTestCase: XCTestCase {
  /// 2026-01-02T03:04:05Z, the clock every function test sees.
  static let now = RFC3339Timestamp.parse("2026-01-02T03:04:05Z")!.date

  func call(
    _ name: String, _ arguments: Value..., mode: EvalMode = .apply, baseDirectory: String = "/"
  ) -> Result<Value, Function.CallFailure> {
    let context = EvalContext(
      baseDirectory: baseDirectory, clock: .fixed(Self.now), mode: mode)
    guard let function = context.functions[name] else {
      return .failure(.failed("no function \(name)"))
    }
    return function.call(arguments, environment: context.functionEnvironment)
  }

  /// The result value, failing the test on an error.
  func value(
    _ name: String, _ arguments: Value..., file: StaticString = #filePath, line: UInt = #line
  ) -> Value? {
    let context = EvalContext(clock: .fixed(Self.now))
    guard let function = context.functions[name] else {
      XCTFail("no function \(name)", file: file, line: line)
      return nil
    }
    switch function.call(arguments, environment: context.functionEnvironment) {
    case .success(let v): return v
    case .failure(let f):
      XCTFail("\(name) failed: \(f)", file: file, line: line)
      return nil
    }
  }

  static func list(_ strings: String...) -> Value {
    .list(strings.map { .string($0) }, elementType: .string)
  }

  static func tuple(_ values: Value...) -> Value { .tuple(values) }
}
