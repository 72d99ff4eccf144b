/// hclwrite's indentation pass: two spaces per open bracket level, decided line by line.
///
/// Each line's net bracket change over its lead and assign cells (`{ [ ( ${ %{` open, `} ] )`
/// and template sequence ends close; counting stops at a heredoc opener) decides its indent:
/// a line that opens is indented at the current level and then pushes one level remembering
/// how many brackets it opened; a line that closes first pops the levels it closes. The stack
/// of "how many brackets this level opened" keeps asymmetric lines sane: `[[` on one line and
/// `]]` on another are one level, not two.
///
/// Only the first token of each line is touched. Lines that hold nothing but a newline get no
/// spaces (that is how trailing whitespace on blank lines disappears).
enum FormatterIndent {
  static let spacesPerLevel = 2

  static func apply(_ lines: [FormatLine], to stream: inout FormatStream) {
    var levels: [Int] = []
    levels.reserveCapacity(16)
    for line in lines {
      guard !line.lead.isEmpty else { continue }
      let first = line.lead.lowerBound
      if stream.kind(first) == .newline {
        stream.spaces[first] = 0
        continue
      }
      var net = FormatLine.netBrackets(stream, line.lead)
      if let assign = line.assign {
        net += FormatLine.netBrackets(stream, assign)
      }
      if net < 0 {
        var closed = -net
        while closed > 0, let innermost = levels.last {
          if closed >= innermost {
            closed -= innermost
            levels.removeLast()
          } else {
            levels[levels.count - 1] = innermost - closed
            closed = 0
          }
        }
      }
      stream.spaces[first] = spacesPerLevel * levels.count
      if net > 0 {
        levels.append(net)
      }
    }
  }
}
