/// hclwrite's alignment pass: `=` signs, then trailing comments, line up in chains.
///
/// A chain is a run of consecutive lines that all have the cell in question. Any other line —
/// blank, comment-only, a block header or `}`, or an attribute whose value opens a multi-line
/// construct — ends the chain. Within a chain the cell starts one column after the widest
/// text before it. Widths count grapheme clusters (as hclwrite's `Columns` does), not bytes
/// and not display cells: `日本` is two columns wide here, as it is for Terraform.
enum FormatterAlignment {
  static func apply(_ lines: [FormatLine], to stream: inout FormatStream) {
    // Assign cells first: moving them moves the comments after them.
    align(lines, cell: { $0.assign }, width: { columns(of: $0.lead, in: $1) }, in: &stream)
    align(
      lines, cell: { $0.comment },
      width: { line, stream in
        columns(of: line.lead, in: stream) + (line.assign.map { columns(of: $0, in: stream) } ?? 0)
      }, in: &stream)
  }

  /// Aligns the cell chosen by `cell` over every chain of lines that have it; `width` is the
  /// text in front of the cell, which must not depend on the cell's own spaces.
  private static func align(
    _ lines: [FormatLine], cell: (FormatLine) -> Range<Int>?,
    width: (FormatLine, FormatStream) -> Int, in stream: inout FormatStream
  ) {
    var chainStart: Int? = nil
    var widest = 0
    var widths: [Int] = []
    for index in 0...lines.count {
      if index < lines.count, cell(lines[index]) != nil {
        if chainStart == nil { chainStart = index }
        let lineWidth = width(lines[index], stream)
        widths.append(lineWidth)
        widest = max(widest, lineWidth)
      } else if let start = chainStart {
        for (offset, lineWidth) in widths.enumerated() {
          if let target = cell(lines[start + offset]) {
            stream.spaces[target.lowerBound] = widest - lineWidth + 1
          }
        }
        chainStart = nil
        widest = 0
        widths.removeAll(keepingCapacity: true)
      }
    }
  }

  /// hclwrite's `Tokens.Columns`: spaces before each token plus its grapheme clusters.
  static func columns(of cell: Range<Int>, in stream: FormatStream) -> Int {
    var total = 0
    for index in cell {
      total += stream.spaces[index] + graphemeCount(stream.tokens[index].bytes)
    }
    return total
  }

  /// Grapheme clusters in UTF-8 bytes; ASCII (the common case) without building a String.
  /// `\r\n` is a single cluster, as it is in Unicode segmentation.
  static func graphemeCount<Bytes: Collection>(_ bytes: Bytes) -> Int where Bytes.Element == UInt8 {
    var count = 0
    var previousWasCarriageReturn = false
    for byte in bytes {
      if byte >= 0x80 {
        return String(decoding: bytes, as: UTF8.self).count
      }
      if !(byte == UInt8(ascii: "\n") && previousWasCarriageReturn) {
        count += 1
      }
      previousWasCarriageReturn = byte == UInt8(ascii: "\r")
    }
    return count
  }
}
