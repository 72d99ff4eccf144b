/// Checks shared by the data sources that find one GitLab object by one of several keys
/// (`data "user"` by id or username, `data "project"` by id or path, ...).
enum DataSourceChecks {
  /// Exactly one of `names` is set. Unknown values count as set: they will be by apply time.
  static func exactlyOne(_ names: [String], in config: Value, ranges: AttributeRanges)
    -> [Diagnostic]
  {
    let set = names.filter { !config[attribute: $0].isNull }
    let list = names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    if set.isEmpty {
      return [
        .error(
          "Missing required argument", detail: "Exactly one of \(list) must be set.",
          subject: ranges.block)
      ]
    }
    if set.count > 1 {
      return [
        .error(
          "Invalid Attribute Combination",
          detail: "Only one of \(list) may be set; \(set.joined(separator: " and ")) are.",
          subject: ranges.range(of: set[1]))
      ]
    }
    return []
  }

  /// A configured string that must not be empty.
  static func notEmpty(_ name: String, in config: Value, ranges: AttributeRanges) -> [Diagnostic]
  {
    guard config.string(name) == "" else { return [] }
    return [
      .error("Invalid \(name)", detail: "\(name) must not be empty.", subject: ranges.range(of: name))
    ]
  }

  /// A configured number that must be a GitLab id: a whole number from 1.
  static func positiveID(_ name: String, in config: Value, ranges: AttributeRanges) -> [Diagnostic] {
    let value = config[attribute: name]
    guard let number = value.numberValue, !value.isSensitive else { return [] }
    if let id = config.int(name), id > 0 { return [] }
    return [
      .error(
        "Invalid \(name)", detail: "\(name) must be a GitLab id, a whole number from 1, not \(number).",
        subject: ranges.range(of: name))
    ]
  }
}
