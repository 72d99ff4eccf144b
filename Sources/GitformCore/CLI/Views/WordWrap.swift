/// Word wrapping exactly as Terraform's diagnostics do it (`mitchellh/go-wordwrap` 1.0.1).
///
/// Breaks only at whitespace; a word longer than the limit overflows rather than being cut.
/// Widths count Unicode scalars, as the Go code counts runes.
enum WordWrap {
  static func wrap(_ text: String, limit: Int) -> String {
    var output = ""
    var word = ""
    var space = ""
    var wordLength = 0
    var spaceLength = 0
    var current = 0
    for scalar in text.unicodeScalars {
      if scalar == "\n" {
        if wordLength == 0 {
          if current + spaceLength > limit {
            current = 0
          } else {
            current += spaceLength
            output += space
          }
        } else {
          current += spaceLength + wordLength
          output += space
          output += word
          word = ""
          wordLength = 0
        }
        space = ""
        spaceLength = 0
        output.unicodeScalars.append(scalar)
        current = 0
      } else if scalar.properties.isWhitespace && scalar != "\u{00A0}" {
        if spaceLength == 0 || wordLength > 0 {
          current += spaceLength + wordLength
          output += space
          output += word
          space = ""
          spaceLength = 0
          word = ""
          wordLength = 0
        }
        space.unicodeScalars.append(scalar)
        spaceLength += 1
      } else {
        word.unicodeScalars.append(scalar)
        wordLength += 1
        if current + spaceLength + wordLength > limit && wordLength < limit {
          output += "\n"
          current = 0
          space = ""
          spaceLength = 0
        }
      }
    }
    if wordLength == 0 {
      if current + spaceLength <= limit { output += space }
    } else {
      output += space
      output += word
    }
    return output
  }
}
