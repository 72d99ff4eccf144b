/// Functions: Terraform's built-in functions, one file per family.
///
/// Each function declares its parameters (type, and whether null, unknown and sensitive
/// arguments reach the implementation) the way cty's `function.Spec` does, so argument
/// conversion, unknown short-circuiting and sensitivity propagation happen in one place
/// (`Function.call`) instead of in every function. Not for `try` and `can`: they need their
/// arguments unevaluated and live in the evaluator.

/// One parameter of a function.
struct FunctionParameter: Sendable {
  var name: String
  var type: ValueType
  /// Null arguments reach the implementation instead of failing the call.
  var allowNull = false
  /// Unknown arguments (anywhere inside) reach the implementation instead of making the
  /// result unknown.
  var allowUnknown = false
  /// Sensitive arguments reach the implementation with their marks; otherwise the marks are
  /// removed before the call and put on the result.
  var allowSensitive = false
}

/// Why a function call failed: the argument to blame or the call as a whole.
enum FunctionError: Error, Equatable {
  /// "Invalid function argument": `Invalid value for "NAME" parameter: MESSAGE.`
  case argument(index: Int, String)
  /// "Error in function call": `Call to function "NAME" failed: MESSAGE.`
  case call(String)
}

/// What a function may use of its surroundings besides its arguments.
struct FunctionEnvironment: Sendable {
  var baseDirectory: String
  var clock: EvalClock
  var planTimestamp: RFC3339Timestamp
  var mode: EvalMode
}

/// A built-in function: its signature and implementation.
struct Function: Sendable {
  var name: String
  var parameters: [FunctionParameter]
  var variadic: FunctionParameter?
  /// The result type, also the type of the unknown returned for unknown arguments.
  var returnType: ValueType
  var implementation: @Sendable ([Value], FunctionEnvironment) throws -> Value

  init(
    _ name: String, _ parameters: [FunctionParameter], variadic: FunctionParameter? = nil,
    returns returnType: ValueType,
    _ implementation: @escaping @Sendable ([Value], FunctionEnvironment) throws -> Value
  ) {
    self.name = name
    self.parameters = parameters
    self.variadic = variadic
    self.returnType = returnType
    self.implementation = implementation
  }

  /// The problems a call can have, in the terms the evaluator turns into diagnostics.
  enum CallFailure: Error, Equatable {
    case notEnoughArguments(String)
    case tooManyArguments(String)
    /// Index of the argument, detail text.
    case invalidArgument(index: Int, String)
    case failed(String)
  }

  /// The parameter an argument at `index` binds to.
  func parameter(at index: Int) -> FunctionParameter? {
    index < parameters.count ? parameters[index] : variadic
  }

  /// Calls the function after cty's rules: arity, conversion to the parameter types, null
  /// refusal, unknowns short-circuited to an unknown result, sensitivity moved to the result.
  func call(_ arguments: [Value], environment: FunctionEnvironment) -> Result<Value, CallFailure> {
    if arguments.count < parameters.count {
      let missing = parameters[arguments.count].name
      return .failure(
        .notEnoughArguments(
          "Function \(Value.quoted(name)) expects \(variadic == nil ? "" : "at least ")"
            + "\(parameters.count) argument(s). "
            + "Missing value for \(Value.quoted(missing))."))
    }
    if variadic == nil && arguments.count > parameters.count {
      return .failure(
        .tooManyArguments(
          "Function \(Value.quoted(name)) expects only \(parameters.count) argument(s)."))
    }
    var sensitive = false
    var prepared: [Value] = []
    var unknown = false
    for (index, argument) in arguments.enumerated() {
      guard let spec = parameter(at: index) else { continue }
      var value = argument
      if !spec.allowSensitive {
        let (plain, marked) = value.deepUnmarked()
        value = plain
        sensitive = sensitive || marked
      }
      if value.isNull && !spec.allowNull {
        return .failure(
          .invalidArgument(index: index, invalidMessage(spec, "argument must not be null")))
      }
      switch value.converted(to: spec.type) {
      case .success(let converted): value = converted
      case .failure(let error):
        let reason = error.valueMessage ?? error.message
        return .failure(.invalidArgument(index: index, invalidMessage(spec, reason)))
      }
      if !spec.allowUnknown && !value.isWhollyKnown { unknown = true }
      prepared.append(value)
    }
    if unknown { return .success(Value.unknown(returnType).marked(sensitive: sensitive)) }
    do {
      return .success(try implementation(prepared, environment).marked(sensitive: sensitive))
    } catch FunctionError.argument(let index, let message) {
      let spec = parameter(at: index) ?? FunctionParameter(name: "", type: .dynamic)
      // Messages may quote the argument; a sensitive one is never quoted.
      let reason = sensitive ? Self.redacted : message
      return .failure(.invalidArgument(index: index, invalidMessage(spec, reason)))
    } catch FunctionError.call(let message) {
      let reason = sensitive ? Self.redacted : message
      return .failure(.failed("Call to function \(Value.quoted(name)) failed: \(reason)."))
    } catch {
      return .failure(.failed("Call to function \(Value.quoted(name)) failed."))
    }
  }

  /// What replaces a failure's reason when an argument is sensitive.
  static let redacted = "the reason is not shown because an argument is sensitive"

  private func invalidMessage(_ spec: FunctionParameter, _ message: String) -> String {
    "Invalid value for \(Value.quoted(spec.name)) parameter: \(message)."
  }
}
