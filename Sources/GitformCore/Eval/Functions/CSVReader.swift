/// Go's `csv.Reader` with its defaults, record by record.
struct CSVReader {
  private let lines: [[Unicode.Scalar]]
  private var position = 0

  init(_ text: String) {
    var lines: [[Unicode.Scalar]] = []
    var current: [Unicode.Scalar] = []
    for scalar in text.unicodeScalars {
      current.append(scalar)
      if scalar == "\n" {
        lines.append(current)
        current = []
      }
    }
    if !current.isEmpty { lines.append(current) }
    // `\r\n` reads as `\n`; a final `\r` without a newline is dropped.
    self.lines = lines.map { line in
      var line = line
      if line.count >= 2 && line[line.count - 2] == "\r" && line.last == "\n" {
        line.remove(at: line.count - 2)
      } else if line.last == "\r" {
        line.removeLast()
      }
      if line.last != "\n" { line.append("\n") }
      return line
    }
  }

  private func failure(_ line: Int, _ message: String) -> FunctionError {
    FunctionError.call("CSV parse error on line \(line): \(message)")
  }

  /// The fields of the next record, nil at the end.
  mutating func next(expectedFields: Int?) throws -> [String]? {
    while position < lines.count && lines[position] == ["\n"] { position += 1 }
    guard position < lines.count else { return nil }
    let startLine = position + 1
    var line = lines[position][...]
    position += 1
    var lineNumber = startLine
    var fields: [String] = []
    while true {
      if line.first != "\"" {
        let end = line.firstIndex { $0 == "," || $0 == "\n" } ?? line.endIndex
        let field = line[line.startIndex..<end]
        if field.contains("\"") {
          throw failure(lineNumber, "bare \" in non-quoted-field")
        }
        fields.append(String(String.UnicodeScalarView(field)))
        if end < line.endIndex && line[end] == "," {
          line = line[(end + 1)...]
          continue
        }
        break
      }
      // A quoted field, possibly over several lines.
      line = line.dropFirst()
      var field = String.UnicodeScalarView()
      var closed = false
      while !closed {
        guard let quote = line.firstIndex(of: "\"") else {
          field.append(contentsOf: line)
          guard position < lines.count else {
            throw failure(lineNumber, "extraneous or missing \" in quoted-field")
          }
          line = lines[position][...]
          position += 1
          lineNumber += 1
          continue
        }
        field.append(contentsOf: line[line.startIndex..<quote])
        let after = line.index(after: quote)
        if after < line.endIndex && line[after] == "\"" {
          field.append("\"")
          line = line[(after + 1)...]
        } else if after < line.endIndex && (line[after] == "," || line[after] == "\n") {
          closed = true
          line = line[after...]
        } else {
          throw failure(lineNumber, "extraneous or missing \" in quoted-field")
        }
      }
      fields.append(String(field))
      if line.first == "," {
        line = line.dropFirst()
        continue
      }
      break
    }
    if let expectedFields, fields.count != expectedFields {
      throw failure(startLine, "wrong number of fields")
    }
    return fields
  }
}
