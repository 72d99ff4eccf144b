import Foundation

/// The flags of the engine's commands, Terraform style (`-name=value`, `-name value` for
/// `-var`/`-var-file`/`-target`/`-replace`/`-state`, and `--name` accepted too).
struct EngineFlags {
  var variables: [VariableArgument] = []
  var statePath: String?
  var lock = true
  var lockTimeout: Double = 0
  var noColor = false
  var parallelism = 10
  var refresh = true
  /// `-refresh-only`: record what changed outside gitform, change nothing.
  var refreshOnly = false
  var targets: [InstanceAddress] = []
  var replace: [InstanceAddress] = []
  var destroy = false
  var detailedExitCode = false
  var autoApprove = false
  var json = false
  var raw = false
  var out: String?
  /// `-report=FILE`: GitLab's Terraform report artifact.
  var report: String?
  /// `-markdown`: the merge-request summary instead of the plan text.
  var markdown = false
  /// `-mr-note`: post the summary on the pipeline's merge request.
  var mrNote = false
  var positional: [String] = []

  /// Which flags a command accepts, by name without the dash.
  struct Accepts: OptionSet {
    let rawValue: Int
    static let variables = Accepts(rawValue: 1)
    static let state = Accepts(rawValue: 2)
    static let lock = Accepts(rawValue: 4)
    static let planning = Accepts(rawValue: 8)
    static let apply = Accepts(rawValue: 16)
    static let json = Accepts(rawValue: 32)
    static let raw = Accepts(rawValue: 64)
    static let color = Accepts(rawValue: 128)
    static let detailed = Accepts(rawValue: 256)
    static let destroy = Accepts(rawValue: 512)
    /// `-markdown`.
    static let markdown = Accepts(rawValue: 1024)
    /// `-report=FILE` and `-mr-note`.
    static let review = Accepts(rawValue: 2048)
  }

  struct Problem: Error {
    var message: String
  }

  static func parse(_ arguments: [String], accepts: Accepts) -> Result<EngineFlags, Problem> {
    var flags = EngineFlags()
    var index = 0
    func fail(_ message: String) -> Result<EngineFlags, Problem> { .failure(Problem(message: message)) }
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      guard argument.hasPrefix("-"), argument != "-" else {
        flags.positional.append(argument)
        continue
      }
      var body = argument.hasPrefix("--") ? String(argument.dropFirst(2)) : String(argument.dropFirst())
      var value: String?
      if let equals = body.firstIndex(of: "=") {
        value = String(body[body.index(after: equals)...])
        body = String(body[..<equals])
      }
      func takeValue() -> String? {
        if let value { return value }
        guard index < arguments.count else { return nil }
        index += 1
        return arguments[index - 1]
      }
      func boolValue() -> Bool? {
        guard let value else { return true }
        return EngineFlags.boolean(value)
      }
      /// A switch (`-json`, `-json=true`, `-json=false`); any other value is an error, never
      /// silently "on": `-detailed-exitcode=foo` must not change what a CI job checks.
      func switchValue() -> Result<Bool, Problem> {
        if let on = boolValue() { return .success(on) }
        return .failure(
          Problem(
            message: "Invalid value for -\(body): \"\(value ?? "")\" is not a boolean; use -\(body), "
              + "-\(body)=true or -\(body)=false."))
      }
      switch body {
      case "var" where accepts.contains(.variables):
        guard let text = takeValue() else { return fail("The -var option requires a value, as in -var 'name=value'.") }
        flags.variables.append(.assignment(text))
      case "var-file" where accepts.contains(.variables):
        guard let text = takeValue() else { return fail("The -var-file option requires a file name.") }
        flags.variables.append(.file(text))
      case "state" where accepts.contains(.state):
        guard let text = takeValue() else { return fail("The -state option requires a path.") }
        flags.statePath = text
      case "lock" where accepts.contains(.lock):
        guard let on = boolValue() else { return fail("Invalid value for -lock: use -lock=true or -lock=false.") }
        flags.lock = on
      case "lock-timeout" where accepts.contains(.lock):
        guard let text = takeValue(), let seconds = EngineFlags.duration(text) else {
          return fail("Invalid value for -lock-timeout: use a duration such as 0s, 30s or 5m.")
        }
        flags.lockTimeout = seconds
      case "no-color" where accepts.contains(.color):
        switch switchValue() {
        case .success(let on): flags.noColor = on
        case .failure(let problem): return .failure(problem)
        }
      case "input":
        // Accepted for Terraform's CI scripts (-input=false); gitform never prompts for input.
        if case .failure(let problem) = switchValue() { return .failure(problem) }
      case "parallelism" where accepts.contains(.planning) || accepts.contains(.apply):
        guard let text = takeValue(), let number = Int(text), number >= 1 else {
          return fail("Invalid value for -parallelism: it must be a whole number of at least 1.")
        }
        flags.parallelism = number
      case "refresh" where accepts.contains(.planning):
        guard let on = boolValue() else { return fail("Invalid value for -refresh: use -refresh=true or -refresh=false.") }
        flags.refresh = on
      case "target" where accepts.contains(.planning), "replace" where accepts.contains(.planning):
        guard let text = takeValue() else { return fail("The -\(body) option requires a resource address.") }
        do {
          let address = try InstanceAddress.parse(text, allowingModule: body == "target")
          if body == "target" { flags.targets.append(address) } else { flags.replace.append(address) }
        } catch {
          return fail("Invalid -\(body) address: \(error.description)")
        }
      case "out" where accepts.contains(.detailed):
        guard let text = takeValue(), !text.isEmpty else { return fail("The -out option requires a file name.") }
        flags.out = text
      case "report" where accepts.contains(.review):
        guard let text = takeValue(), !text.isEmpty else { return fail("The -report option requires a file name.") }
        flags.report = text
      case "refresh-only" where accepts.contains(.planning) && accepts.contains(.destroy):
        switch switchValue() {
        case .success(let on): flags.refreshOnly = on
        case .failure(let problem): return .failure(problem)
        }
      case "destroy" where accepts.contains(.destroy), "detailed-exitcode" where accepts.contains(.detailed),
        "auto-approve" where accepts.contains(.apply), "json" where accepts.contains(.json),
        "raw" where accepts.contains(.raw), "markdown" where accepts.contains(.markdown),
        "mr-note" where accepts.contains(.review):
        let on: Bool
        switch switchValue() {
        case .success(let value): on = value
        case .failure(let problem): return .failure(problem)
        }
        switch body {
        case "destroy": flags.destroy = on
        case "detailed-exitcode": flags.detailedExitCode = on
        case "auto-approve": flags.autoApprove = on
        case "json": flags.json = on
        case "markdown": flags.markdown = on
        case "mr-note": flags.mrNote = on
        default: flags.raw = on
        }
      default:
        return fail("Unknown option \(argument). Run the command with -help to see its options.")
      }
    }
    if flags.refreshOnly && flags.destroy { return fail("The -destroy and -refresh-only options are mutually-exclusive.") }
    if flags.refreshOnly && !flags.refresh {
      return fail("It doesn't make sense to use -refresh-only at the same time as -refresh=false, because gitform would have nothing to do.")
    }
    return .success(flags)
  }

  /// A boolean as Go's `strconv.ParseBool` (Terraform's flag parser) reads it, or nil.
  static func boolean(_ text: String) -> Bool? {
    switch text {
    case "1", "t", "T", "true", "TRUE", "True": return true
    case "0", "f", "F", "false", "FALSE", "False": return false
    default: return nil
    }
  }

  /// A Go-style duration: `0`, `500ms`, `30s`, `5m`, `1h`, `1m30s`.
  static func duration(_ text: String) -> Double? {
    if text == "0" { return 0 }
    var total = 0.0
    var number = ""
    var unit = ""
    var matched = false
    func flush() -> Bool {
      guard let value = Double(number) else { return false }
      let scale: Double
      switch unit {
      case "ms": scale = 0.001
      case "s": scale = 1
      case "m": scale = 60
      case "h": scale = 3600
      default: return false
      }
      total += value * scale
      number = ""
      unit = ""
      matched = true
      return true
    }
    for character in text {
      if character.isNumber || character == "." {
        if !unit.isEmpty { guard flush() else { return nil } }
        number.append(character)
      } else {
        unit.append(character)
      }
    }
    guard !number.isEmpty, flush(), matched else { return nil }
    return total
  }
}
