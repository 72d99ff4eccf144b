/// `csvdecode(str)`: RFC 4180 text read as Go's `encoding/csv` reads it (comma separated,
/// `""` inside quoted fields, quoted fields spanning lines, blank lines skipped, `\r\n` as
/// `\n`), the first record naming the attributes of one object per following record.
enum CSVDecode {
  static let all: [Function] = [
    Function("csvdecode", [StringFunctions.string("str")], returns: .list(.dynamic)) { args, _ in
      try decode(args[0].stringValue ?? "")
    }
  ]

  static func decode(_ text: String) throws -> Value {
    var reader = CSVReader(text)
    guard let headers = try reader.next(expectedFields: nil) else {
      throw FunctionError.call("missing header line")
    }
    var seen = Set<String>()
    for name in headers where !seen.insert(name).inserted {
      throw FunctionError.call("duplicate column name \(StringQuoting.quote(name, .go))")
    }
    let rowType = ValueType.object(Dictionary(uniqueKeysWithValues: headers.map { ($0, .string) }))
    var rows: [Value] = []
    while let fields = try reader.next(expectedFields: headers.count) {
      var attributes: [String: Value] = [:]
      for (name, field) in zip(headers, fields) { attributes[name] = .string(field) }
      rows.append(.object(attributes))
    }
    return .list(rows, elementType: rowType)
  }
}
