import Foundation

/// Terraform's label normalisation (`block.SetLabels(block.Labels())` in its `fmt`): a block
/// header's labels are re-emitted as quoted strings in hclwrite's canonical escaping, and
/// inline comments in front of a label are dropped with the old labels.
struct FormatterLabels {
  /// The tokens from after the block type through the last label.
  var labels: Range<Int>
  /// Where the header's `{` is; the body's items start after it.
  var openBrace: Int
  /// The canonical replacement for `labels`, or nil when they are canonical already.
  var canonicalLabels: [Token]?

  /// Recognises `TYPE label* {` starting at the identifier at `typeIndex`; nil when the tokens
  /// there are not a block header on one line.
  static func header(_ stream: FormatStream, typeAt typeIndex: Int) -> FormatterLabels? {
    var values: [String] = []
    var index = typeIndex + 1
    var canonical = true
    var lastLabelEnd = typeIndex + 1
    var commentsBeforeLabel = false
    while index < stream.count {
      let token = stream.tokens[index]
      switch token.kind {
      case .openBrace:
        // hclwrite's labels node runs from the type to the last label: comments before a
        // label are dropped with it, comments after the last one (or in a header without
        // labels) stay.
        let header = FormatterLabels(
          labels: (typeIndex + 1)..<lastLabelEnd, openBrace: index, canonicalLabels: nil)
        return canonical ? header : header.replaced(by: values, anchor: stream.tokens[typeIndex])
      case .identifier:
        values.append(token.text)
        canonical = false
        commentsBeforeLabel = false
        index += 1
        lastLabelEnd = index
      case .comment where !stream.endsLine(index):
        commentsBeforeLabel = true
        index += 1
      case .openQuote:
        var literal: [UInt8] = []
        var end = index + 1
        while end < stream.count, stream.kind(end) == .quotedLiteral {
          literal += stream.tokens[end].bytes
          end += 1
        }
        guard end < stream.count, stream.kind(end) == .closeQuote else { return nil }
        if isPlain(literal) {
          // The common case, and its own canonical form: no escapes, nothing to normalise.
          values.append(String(decoding: literal, as: UTF8.self))
        } else {
          // A label that is not a valid literal is left alone, header and all.
          guard let value = unescaped(literal) else { return nil }
          values.append(value)
          if escaped(value) != literal { canonical = false }
        }
        if commentsBeforeLabel || end != index + (literal.isEmpty ? 1 : 2) { canonical = false }
        commentsBeforeLabel = false
        index = end + 1
        lastLabelEnd = index
      default:
        return nil
      }
    }
    return nil
  }

  private func replaced(by values: [String], anchor: Token) -> FormatterLabels {
    var tokens: [Token] = []
    for value in values {
      tokens.append(FormatterRewrites.synthesized(.openQuote, "\"", at: anchor))
      let literal = Self.escaped(value)
      if !literal.isEmpty {
        tokens.append(
          Token(kind: .quotedLiteral, bytes: .init(literal), range: anchor.range, spacesBefore: 0))
      }
      tokens.append(FormatterRewrites.synthesized(.closeQuote, "\"", at: anchor))
    }
    return FormatterLabels(labels: labels, openBrace: openBrace, canonicalLabels: tokens)
  }

  /// Printable ASCII without `\\`, `"`, `$` or `%`: bytes that mean exactly themselves.
  static func isPlain(_ literal: [UInt8]) -> Bool {
    literal.allSatisfy { byte in
      byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "\"")
        && byte != UInt8(ascii: "$") && byte != UInt8(ascii: "%")
    }
  }

  /// The value of a quoted literal's bytes (HCL's escapes, `$${` and `%%{`), or nil when an
  /// escape is invalid. The value is NFC-normalised, as cty strings are.
  static func unescaped(_ literal: [UInt8]) -> String? {
    let text = String(decoding: literal, as: UTF8.self)
    var scalars = String.UnicodeScalarView()
    var iterator = Array(text.unicodeScalars)[...]
    while let scalar = iterator.popFirst() {
      if scalar == "\\" {
        guard let escape = iterator.popFirst() else { return nil }
        switch escape {
        case "n": scalars.append("\n")
        case "r": scalars.append("\r")
        case "t": scalars.append("\t")
        case "\"": scalars.append("\"")
        case "\\": scalars.append("\\")
        case "u", "U":
          let digits = escape == "u" ? 4 : 8
          guard iterator.count >= digits,
            let code = UInt32(String(String.UnicodeScalarView(iterator.prefix(digits))), radix: 16),
            let decoded = Unicode.Scalar(code)
          else { return nil }
          iterator = iterator.dropFirst(digits)
          scalars.append(decoded)
        default: return nil
        }
      } else if (scalar == "$" || scalar == "%"), iterator.first == scalar,
        iterator.dropFirst().first == "{"
      {
        iterator = iterator.dropFirst()  // `$${` is a literal `${`
        scalars.append(scalar)
      } else {
        scalars.append(scalar)
      }
    }
    let value = String(scalars)
    return value.allSatisfy(\.isASCII) ? value : value.precomposedStringWithCanonicalMapping
  }

  /// hclwrite's `escapeQuotedStringLit`: the quoted-literal bytes that denote `value`.
  static func escaped(_ value: String) -> [UInt8] {
    Array(StringQuoting.quote(value, .hcl).utf8.dropFirst().dropLast())
  }
}
