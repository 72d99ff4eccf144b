import Foundation

/// Why a value cannot be converted to a type, in cty's words ("string required",
/// "element 0: a number is required"), ready to follow "Invalid value for ... parameter: ".
public struct ConversionError: Error, Equatable, Sendable {
  public var message: String
  /// The message without the path to the failing element. cty reports a value that fails to
  /// convert ("a number is required" for `"x"`) without the path in function arguments, and
  /// a type that cannot convert ("element 0: string required") with it.
  var valueMessage: String?

  public init(_ message: String) { self.message = message }

  init(value message: String) {
    self.message = message
    self.valueMessage = message
  }

  public static func == (a: ConversionError, b: ConversionError) -> Bool { a.message == b.message }

  func prefixed(_ step: String) -> ConversionError {
    var error = ConversionError("\(step): \(message)")
    error.valueMessage = valueMessage
    return error
  }
}

/// Type conversion after HCL's `spec.md` "Type Conversion".
///
/// Safe and unsafe conversions are both allowed, as in Terraform's function arguments and
/// variable types: number↔string, bool↔string, tuple→list/set, object→map, list/set→tuple,
/// map→object. Null converts to a null of any type; an unknown to an unknown of the target
/// type. The sensitive flag is kept.
extension Value {
  public func converted(to target: ValueType) -> Result<Value, ConversionError> {
    if target == .dynamic || type == target { return .success(self) }
    if isNull { return .success(Value.null(target).marked(sensitive: isSensitive)) }
    if !isKnown {
      guard ValueType.canConvert(from: type, to: target) else {
        return .failure(ConversionError(target.requiredMessage))
      }
      return .success(Value.unknown(target).marked(sensitive: isSensitive))
    }
    return convertKnown(to: target).map { $0.marked(sensitive: isSensitive) }
  }

  private func convertKnown(to target: ValueType) -> Result<Value, ConversionError> {
    switch target {
    case .dynamic: return .success(self)
    case .string:
      switch content {
      case .number(let n): return .success(.string(NumberFormatting.string(n)))
      case .bool(let b): return .success(.string(b ? "true" : "false"))
      case .string: return .success(unmarked)
      default: return .failure(ConversionError(target.requiredMessage))
      }
    case .number:
      switch content {
      case .string(let s):
        guard case .success(let n) = NumberFormatting.parse(s) else {
          return .failure(ConversionError(value: "a number is required"))
        }
        return .success(.number(n))
      case .number: return .success(unmarked)
      default: return .failure(ConversionError(target.requiredMessage))
      }
    case .bool:
      switch content {
      case .string("true"), .string("1"): return .success(.true)
      case .string("false"), .string("0"): return .success(.false)
      case .string: return .failure(ConversionError(value: "a bool is required"))
      case .bool: return .success(unmarked)
      default: return .failure(ConversionError(target.requiredMessage))
      }
    case .list(let element), .set(let element):
      guard type.isSequence, let elements else {
        return .failure(ConversionError(target.requiredMessage))
      }
      return Value.convertElements(elements, to: element).map { converted, elementType in
        if case .set = target { return .set(converted, elementType: elementType) }
        return .list(converted, elementType: elementType)
      }
    case .map(let element):
      guard type.isMapping, let attributes = sortedAttributes else {
        return .failure(ConversionError(target.requiredMessage))
      }
      return Value.convertElements(
        attributes.map(\.value), to: element, keys: attributes.map(\.key)
      )
      .map { converted, elementType in
        .map(
          Dictionary(uniqueKeysWithValues: zip(attributes.map(\.key), converted)),
          elementType: elementType)
      }
    case .tuple(let types):
      guard type.isSequence, let elements else {
        return .failure(ConversionError(target.requiredMessage))
      }
      guard elements.count == types.count else {
        return .failure(ConversionError("a tuple of length \(types.count) is required"))
      }
      var converted: [Value] = []
      for (index, (element, elementType)) in zip(elements, types).enumerated() {
        switch element.converted(to: elementType) {
        case .success(let value): converted.append(value)
        case .failure(let error): return .failure(error.prefixed("element \(index)"))
        }
      }
      return .success(.tuple(converted))
    case .object(let types):
      guard type.isMapping, let attributes else {
        return .failure(ConversionError(target.requiredMessage))
      }
      var converted: [String: Value] = [:]
      for (name, attributeType) in types.sorted(by: { $0.key < $1.key }) {
        guard let attribute = attributes[name] else {
          return .failure(ConversionError("attribute \(Value.quoted(name)) is required"))
        }
        switch attribute.converted(to: attributeType) {
        case .success(let value): converted[name] = value
        case .failure(let error): return .failure(error.prefixed("attribute \(Value.quoted(name))"))
        }
      }
      return .success(.object(converted))
    }
  }

  /// Converts collection elements to one type, inferring it when `type` is dynamic.
  static func convertElements(
    _ elements: [Value], to type: ValueType, keys: [String]? = nil
  ) -> Result<([Value], ValueType), ConversionError> {
    var elementType = type
    if type == .dynamic {
      guard let unified = ValueType.inferredElementType(of: elements) else {
        return .failure(ConversionError("all elements must have the same type"))
      }
      elementType = unified
    }
    var converted: [Value] = []
    converted.reserveCapacity(elements.count)
    for (index, element) in elements.enumerated() {
      switch element.converted(to: elementType) {
      case .success(let value): converted.append(value)
      case .failure(let error):
        let step = keys.map { "element \(Value.quoted($0[index]))" } ?? "element \(index)"
        return .failure(error.prefixed(step))
      }
    }
    return .success((converted, elementType))
  }
}

extension ValueType {
  /// cty's message for a value of the wrong kind: "string required", "list of number required".
  var requiredMessage: String { friendlyName + " required" }

  /// Whether a value of type `source` can in principle convert to `target` (values may still fail).
  static func canConvert(from source: ValueType, to target: ValueType) -> Bool {
    if source == target || source == .dynamic || target == .dynamic { return true }
    switch (source, target) {
    case (.string, .number), (.string, .bool), (.number, .string), (.bool, .string): return true
    case (.list(let s), .list(let t)), (.set(let s), .set(let t)), (.list(let s), .set(let t)),
      (.set(let s), .list(let t)), (.map(let s), .map(let t)):
      return canConvert(from: s, to: t)
    case (.tuple(let ss), .list(let t)), (.tuple(let ss), .set(let t)):
      return ss.allSatisfy { canConvert(from: $0, to: t) }
    case (.object(let ss), .map(let t)): return ss.values.allSatisfy { canConvert(from: $0, to: t) }
    case (.list, .tuple), (.set, .tuple), (.map, .object): return true
    case (.tuple(let ss), .tuple(let ts)):
      return ss.count == ts.count && zip(ss, ts).allSatisfy { canConvert(from: $0, to: $1) }
    case (.object(let ss), .object(let ts)):
      return ts.allSatisfy { name, t in ss[name].map { canConvert(from: $0, to: t) } ?? false }
    default: return false
    }
  }
}
