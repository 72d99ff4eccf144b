import Foundation

/// Variable references, attribute access and indexing, with hcl's messages.
///
/// A value taken out of a collection keeps its own marks and gains the collection's (and the
/// key's) sensitivity, so `sensitive([1, 2])[0]` is sensitive but `[sensitive(1), 2][1]` is not.
extension Evaluator {
  mutating func evaluateTraversal(_ traversal: Traversal) -> Value {
    guard var value = lookup(traversal.root.name) else {
      return fail(
        "Unknown variable", "There is no variable named \(Value.quoted(traversal.root.name)).",
        subject: traversal.root.range)
    }
    for step in traversal.steps { value = apply(step, to: value) }
    return value
  }

  mutating func apply(_ step: Traverser, to value: Value) -> Value {
    switch step.kind {
    case .attribute(let name): return attribute(name, of: value, range: step.range)
    case .index(let literal):
      let key: Value
      switch literal {
      case .null: key = .null
      case .bool(let b): key = .bool(b)
      case .string(let s): key = .string(s)
      case .number(let text):
        guard case .success(let n) = NumberFormatting.parse(text) else {
          return fail(
            "Invalid index", "The given key does not identify an element in this collection value.",
            subject: step.range)
        }
        key = .number(n)
      }
      return index(value, by: key, range: step.range)
    }
  }

  /// `value.name`.
  mutating func attribute(_ name: String, of value: Value, range: SourceRange) -> Value {
    if value.isNull {
      return fail(
        "Attempt to get attribute from null value",
        "This value is null, so it does not have any attributes.", subject: range)
    }
    let sensitive = value.isSensitive
    switch value.type {
    case .object(let types):
      guard let attributeType = types[name] else {
        return fail(
          "Unsupported attribute",
          "This object does not have an attribute named \(Value.quoted(name)).", subject: range)
      }
      guard let attribute = value.attributes?[name] else {
        return Value.unknown(attributeType).marked(sensitive: sensitive)
      }
      return attribute.marked(sensitive: sensitive)
    case .map(let elementType):
      guard let attributes = value.attributes else {
        return Value.unknown(elementType).marked(sensitive: sensitive)
      }
      guard let element = attributes[name] else {
        return fail(
          "Missing map element",
          "This map does not have an element with the key \(Value.quoted(name)).", subject: range)
      }
      return element.marked(sensitive: sensitive)
    case .dynamic:
      return Value.unknown().marked(sensitive: sensitive)
    case .string, .number, .bool:
      return fail(
        "Unsupported attribute",
        "Can't access attributes on a primitive-typed value (\(value.type.friendlyName)).",
        subject: range)
    case .list(.object):
      return fail(
        "Unsupported attribute",
        "Can't access attributes on a list of objects. Did you mean to access attribute "
          + "\(Value.quoted(name)) for a specific element of the list, or across all elements of "
          + "the list?", subject: range)
    case .set(.object):
      return fail(
        "Unsupported attribute",
        "Can't access attributes on a set of objects. Did you mean to access an attribute across "
          + "all elements of the set?", subject: range)
    case .list, .set, .tuple:
      return fail(
        "Unsupported attribute", "This value does not have any attributes.", subject: range)
    }
  }

  /// `collection[key]`.
  mutating func index(_ collection: Value, by key: Value, range: SourceRange) -> Value {
    let invalid = "The given key does not identify an element in this collection value"
    if collection.isNull {
      return fail(
        "Attempt to index null value", "This value is null, so it does not have any indices.",
        subject: range)
    }
    if key.isNull {
      return fail("Invalid index", "Can't use a null value as an indexing key.", subject: range)
    }
    let sensitive = collection.isSensitive || key.containsSensitive
    switch collection.type {
    case .list, .tuple:
      let number: Decimal
      switch key.converted(to: .number) {
      case .failure(let error):
        return fail("Invalid index", "\(invalid): \(error.message).", subject: range)
      case .success(let converted):
        guard let n = converted.numberValue, let elements = collection.elements else {
          return Value.unknown(elementType(of: collection.type)).marked(sensitive: sensitive)
        }
        number = n
        guard DecimalArithmetic.isInteger(number) else {
          return fail(
            "Invalid index",
            "\(invalid): indexing a sequence requires a whole number, but the given index has a "
              + "fractional part.", subject: range)
        }
        if number < 0 {
          return fail(
            "Invalid index",
            "\(invalid): a negative number is not a valid index for a sequence.", subject: range)
        }
        guard let i = DecimalArithmetic.intValue(number), i < elements.count else {
          // hcl's wording, quirks included: only an index equal to the length gets the
          // precise reason; beyond it, the generic sentence.
          let reason =
            elements.isEmpty && number == 0
            ? ": the collection has no elements."
            : number == Decimal(elements.count)
              ? ": the given index is greater than or equal to the length of the collection."
              : "."
          return fail(
            "Invalid index", invalid + reason,
            subject: range)
        }
        return elements[i].marked(sensitive: sensitive)
      }
    case .map, .object:
      switch key.converted(to: .string) {
      case .failure(let error):
        return fail("Invalid index", "\(invalid): \(error.message).", subject: range)
      case .success(let converted):
        guard let name = converted.stringValue, let attributes = collection.attributes else {
          return Value.unknown(elementType(of: collection.type, key: converted.stringValue))
            .marked(sensitive: sensitive)
        }
        guard let element = attributes[name] else {
          return fail("Invalid index", "\(invalid).", subject: range)
        }
        return element.marked(sensitive: sensitive)
      }
    case .set:
      return fail(
        "Invalid index",
        "Elements of a set are identified only by their value and don't have any separate index "
          + "or key to select with, so it's only possible to perform operations across all "
          + "elements of the set.", subject: range)
    case .dynamic:
      return Value.unknown().marked(sensitive: sensitive)
    case .string, .number, .bool:
      return fail("Invalid index", "This value does not have any indices.", subject: range)
    }
  }

  /// The type an element of a collection of `type` has, as far as it is known.
  private func elementType(of type: ValueType, key: String? = nil) -> ValueType {
    switch type {
    case .list(let t), .map(let t), .set(let t): return t
    case .object(let types): return key.flatMap { types[$0] } ?? .dynamic
    default: return .dynamic
    }
  }
}
