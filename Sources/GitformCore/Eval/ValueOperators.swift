import Foundation

/// HCL's operators applied to values, after `hclsyntax`'s `BinaryOpExpr` and `UnaryOpExpr`.
///
/// Each operand is converted to the operator's parameter type (number for arithmetic and
/// ordering, bool for logic, anything for equality); a failure names the operand. Null
/// operands fail the operation; unknown operands give an unknown of the result type; a
/// sensitive value anywhere in an operand makes the result sensitive.
extension BinaryOperator {
  /// The type both operands are converted to before the operation.
  var operandType: ValueType {
    switch self {
    case .equal, .notEqual: return .dynamic
    case .and, .or: return .bool
    default: return .number
    }
  }

  /// The type of the result, also of the unknown produced for unknown operands.
  var resultType: ValueType {
    switch self {
    case .multiply, .divide, .modulo, .add, .subtract: return .number
    default: return .bool
    }
  }
}

extension UnaryOperator {
  var operandType: ValueType { self == .negate ? .number : .bool }
}

/// Why an operation produced no value: Terraform's summary and detail, and which operand
/// (if any) is to blame so the evaluator can point at it.
public struct OperationFailure: Error, Equatable, Sendable {
  public enum Operand: Sendable { case left, right, only, whole }

  public var summary: String
  public var detail: String
  public var operand: Operand
}

/// The problems of one binary operation (both operands may be wrong at once).
public struct OperationFailures: Error, Equatable, Sendable {
  public var failures: [OperationFailure]
}

extension BinaryOperator {
  /// Applies the operator; on failure, one problem per offending operand.
  public func apply(_ left: Value, _ right: Value) -> Result<Value, OperationFailures> {
    var failures: [OperationFailure] = []
    func convert(_ value: Value, _ side: OperationFailure.Operand) -> Value? {
      switch value.converted(to: operandType) {
      case .success(let converted): return converted
      case .failure(let error):
        let name = side == .left ? "left" : "right"
        failures.append(
          OperationFailure(
            summary: "Invalid operand",
            detail: "Unsuitable value for \(name) operand: \(error.message).", operand: side))
        return nil
      }
    }
    let lhs = convert(left, .left)
    let rhs = convert(right, .right)
    guard let lhs, let rhs else { return .failure(OperationFailures(failures: failures)) }
    let sensitive = lhs.containsSensitive || rhs.containsSensitive
    if self != .equal && self != .notEqual && (lhs.isNull || rhs.isNull) {
      return .failure(OperationFailures(failures: [Self.nullFailure]))
    }
    return compute(lhs, rhs).map { $0.marked(sensitive: sensitive) }
  }

  private static let nullFailure = OperationFailure(
    summary: "Operation failed", detail: "Error during operation: argument must not be null.",
    operand: .whole)

  private func compute(_ lhs: Value, _ rhs: Value) -> Result<Value, OperationFailures> {
    switch self {
    case .equal, .notEqual:
      let equal = lhs.equals(rhs)
      guard self == .notEqual, let b = equal.boolValue else { return .success(equal) }
      return .success(Value.bool(!b).marked(sensitive: equal.isSensitive))
    case .and, .or:
      // Like cty, a known deciding operand wins even when the other is unknown.
      let (a, b) = (lhs.boolValue, rhs.boolValue)
      if self == .and, a == false || b == false { return .success(.false) }
      if self == .or, a == true || b == true { return .success(.true) }
      guard let a, let b else { return .success(.unknown(.bool)) }
      return .success(.bool(self == .and ? a && b : a || b))
    default:
      guard let a = lhs.numberValue, let b = rhs.numberValue else {
        return .success(.unknown(resultType))
      }
      return arithmetic(a, b)
    }
  }

  private func arithmetic(_ a: Decimal, _ b: Decimal) -> Result<Value, OperationFailures> {
    let result: Result<Decimal, DecimalArithmetic.Failure>
    switch self {
    case .add: result = DecimalArithmetic.add(a, b)
    case .subtract: result = DecimalArithmetic.subtract(a, b)
    case .multiply: result = DecimalArithmetic.multiply(a, b)
    case .divide: result = DecimalArithmetic.divide(a, b)
    case .modulo: result = DecimalArithmetic.modulo(a, b)
    case .greaterThan: return .success(.bool(a > b))
    case .greaterThanOrEqual: return .success(.bool(a >= b))
    case .lessThan: return .success(.bool(a < b))
    case .lessThanOrEqual: return .success(.bool(a <= b))
    default: return .success(.unknown(resultType))
    }
    switch result {
    case .success(let n): return .success(.number(n))
    case .failure(let failure):
      return .failure(
        OperationFailures(failures: [
          OperationFailure(
            summary: "Operation failed", detail: "Error during operation: \(failure.message).",
            operand: .whole)
        ]))
    }
  }
}

extension UnaryOperator {
  /// Applies the operator to its operand.
  public func apply(_ operand: Value) -> Result<Value, OperationFailure> {
    let converted: Value
    switch operand.converted(to: operandType) {
    case .success(let value): converted = value
    case .failure(let error):
      return .failure(
        OperationFailure(
          summary: "Invalid operand",
          detail: "Unsuitable value for unary operand: \(error.message).",
          operand: .only))
    }
    if converted.isNull {
      return .failure(
        OperationFailure(
          summary: "Operation failed", detail: "Error during operation: argument must not be null.",
          operand: .whole))
    }
    let sensitive = converted.containsSensitive
    switch (self, converted.content) {
    case (.negate, .number(let n)):
      return .success(Value.number(DecimalArithmetic.negate(n)).marked(sensitive: sensitive))
    case (.not, .bool(let b)): return .success(Value.bool(!b).marked(sensitive: sensitive))
    default: return .success(Value.unknown(operandType).marked(sensitive: sensitive))
    }
  }
}
