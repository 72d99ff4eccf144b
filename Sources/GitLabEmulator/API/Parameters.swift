import Foundation

/// A request's parameters from the query string and the body (JSON or form-encoded), merged
/// as Grape merges them, with Grape's coercion and its error texts.
///
/// Form and query arrays use `key[]=a&key[]=b`; a JSON object nested under a key is flattened
/// to bracket names, so `{"filter": {"environment_scope": "x"}}` and
/// `filter[environment_scope]=x` both read as `filter[environment_scope]`.
struct Parameters: Sendable {
  private(set) var values: [(String, JSONValue)] = []

  init() {}

  /// Parses the query and, unless `includeBody` is false, the body. A body that claims to be
  /// JSON but is not is a 400.
  init(query: String?, body: Data, contentType: String?, includeBody: Bool) throws {
    if let query { add(form: query) }
    guard includeBody, !body.isEmpty else { return }
    let type = contentType?.lowercased() ?? ""
    if type.contains("application/x-www-form-urlencoded") {
      add(form: String(decoding: body, as: UTF8.self))
    } else if type.contains("json") || type.isEmpty || body.first == UInt8(ascii: "{") {
      guard case .object(let members)? = try? JSONParser.parse(body) else {
        if type.contains("json") || body.first == UInt8(ascii: "{") {
          throw APIError.badRequest()
        }
        return
      }
      for (key, value) in members { add(json: value, as: key) }
    }
  }

  private mutating func set(_ key: String, _ value: JSONValue) {
    values.removeAll { $0.0 == key }
    values.append((key, value))
  }

  private mutating func add(json value: JSONValue, as key: String) {
    if case .object(let members) = value {
      for (inner, nested) in members { add(json: nested, as: "\(key)[\(inner)]") }
    } else {
      set(key, value)
    }
  }

  private mutating func add(form text: String) {
    for pair in text.split(separator: "&") where !pair.isEmpty {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let key = Parameters.decode(String(parts[0]))
      let value = parts.count > 1 ? Parameters.decode(String(parts[1])) : ""
      if key.hasSuffix("[]") {
        let base = String(key.dropLast(2))
        var items = self[base]?.arrayValue ?? []
        items.append(.string(value))
        set(base, .array(items))
      } else {
        set(key, .string(value))
      }
    }
  }

  /// Form decoding: `+` is a space, then percent-decoding; bad escapes are kept as written.
  static func decode(_ text: String) -> String {
    let spaced = text.replacingOccurrences(of: "+", with: " ")
    return spaced.removingPercentEncoding ?? spaced
  }

  subscript(key: String) -> JSONValue? { values.first { $0.0 == key }?.1 }

  func has(_ key: String) -> Bool { self[key] != nil }

  // MARK: - Grape-style typed access

  /// Throws `"a is missing, b is missing"` for every absent key, in order.
  func require(_ keys: [String]) throws {
    let missing = keys.filter { self[$0] == nil || self[$0] == .null }
    if !missing.isEmpty {
      throw APIError.parameter(missing.map { "\($0) is missing" }.joined(separator: ", "))
    }
  }

  func string(_ key: String) throws -> String? {
    switch self[key] {
    case nil, .null?: return nil
    case .string(let text)?: return text
    case .int(let number)?: return String(number)
    case .double(let number)?: return String(number)
    case .bool(let flag)?: return flag ? "true" : "false"
    default: throw APIError.parameter("\(key) is invalid")
    }
  }

  func bool(_ key: String) throws -> Bool? {
    switch self[key] {
    case nil, .null?: return nil
    case .bool(let flag)?: return flag
    case .int(1)?: return true
    case .int(0)?: return false
    case .string(let text)?:
      switch text.lowercased() {
      case "true", "t", "1", "yes": return true
      case "false", "f", "0", "no": return false
      default: break
      }
    default: break
    }
    throw APIError.parameter("\(key) is invalid")
  }

  func int(_ key: String) throws -> Int? {
    switch self[key] {
    case nil, .null?: return nil
    case .int(let number)?: return number
    case .string(let text)?:
      if let number = Int(text.trimmingCharacters(in: .whitespaces)) { return number }
    default: break
    }
    throw APIError.parameter("\(key) is invalid")
  }

  /// An array of strings, or a comma-separated string (`CommaSeparatedToArray`).
  func strings(_ key: String) throws -> [String]? {
    switch self[key] {
    case nil, .null?: return nil
    case .string(let text)?:
      return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    case .array(let items)?:
      return try items.map {
        guard let text = $0.stringValue else { throw APIError.parameter("\(key) is invalid") }
        return text
      }
    default: throw APIError.parameter("\(key) is invalid")
    }
  }

  /// A `YYYY-MM-DD` date; an empty string counts as absent.
  func day(_ key: String) throws -> CalendarDay? {
    guard let text = try string(key), !text.isEmpty else { return nil }
    guard let day = CalendarDay(parsing: text) ?? Timestamp.parse(text).map(CalendarDay.init)
    else { throw APIError.parameter("\(key) is invalid") }
    return day
  }

  func dateTime(_ key: String) throws -> Date? {
    guard let text = try string(key), !text.isEmpty else { return nil }
    guard let date = Timestamp.parse(text) else { throw APIError.parameter("\(key) is invalid") }
    return date
  }

  /// A value from a fixed set; anything else is Grape's "does not have a valid value".
  func choice(_ key: String, in allowed: Set<String>) throws -> String? {
    guard let text = try string(key) else { return nil }
    guard allowed.contains(text) else {
      throw APIError.parameter("\(key) does not have a valid value")
    }
    return text
  }
}
