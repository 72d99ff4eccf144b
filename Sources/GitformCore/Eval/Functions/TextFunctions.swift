import Foundation

/// More string functions: affixes, containment, trimming, indentation, reversal and URL
/// encoding, after cty's `stdlib` and Terraform's `lang/funcs` versions.
enum TextFunctions {
  static let all: [Function] = [
    Function("chomp", [StringFunctions.string("str")], returns: .string) { args, _ in
      .string(chomp(args[0].stringValue ?? ""))
    },
    predicate("startswith", "prefix") { $0.hasPrefixBytes($1) },
    predicate("endswith", "suffix") { $0.hasSuffixBytes($1) },
    predicate("strcontains", "substr") { $0.containsBytes($1) },
    Function("strrev", [StringFunctions.string("str")], returns: .string) { args, _ in
      // Grapheme clusters stay whole, as cty reverses by `textseg` clusters.
      .string(String((args[0].stringValue ?? "").reversed()))
    },
    Function(
      "trim", [StringFunctions.string("str"), StringFunctions.string("cutset")], returns: .string
    ) { args, _ in
      let cutset = Set((args[1].stringValue ?? "").unicodeScalars)
      let scalars = Array((args[0].stringValue ?? "").unicodeScalars)
      guard let first = scalars.firstIndex(where: { !cutset.contains($0) }),
        let last = scalars.lastIndex(where: { !cutset.contains($0) })
      else { return .string("") }
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[first...last])
      return .string(String(view))
    },
    Function(
      "indent", [StringFunctions.number("spaces"), StringFunctions.string("str")], returns: .string
    ) { args, _ in
      let count = try ListFunctions.wholeNumber(args[0])
      // Terraform panics on a negative count; gitform refuses it (and absurd sizes) instead.
      guard count >= 0, count <= 1_000_000 else {
        throw FunctionError.argument(
          index: 0, "value must be a whole number, between 0 and 1000000")
      }
      let pad = String(repeating: " ", count: count)
      return .string((args[1].stringValue ?? "").replacingOccurrences(of: "\n", with: "\n" + pad))
    },
    Function("urlencode", [StringFunctions.string("str")], returns: .string) { args, _ in
      .string(queryEscape(args[0].stringValue ?? ""))
    },
  ]

  /// Trailing `\n`, `\r\n` and `\r` removed, however many.
  static func chomp(_ s: String) -> String {
    var scalars = Substring(s).unicodeScalars
    while let last = scalars.last, last == "\n" || last == "\r" { scalars.removeLast() }
    return String(scalars)
  }

  private static func predicate(
    _ name: String, _ second: String, _ test: @escaping @Sendable (String, String) -> Bool
  ) -> Function {
    Function(
      name, [StringFunctions.string("str"), StringFunctions.string(second)], returns: .bool
    ) { args, _ in
      .bool(test(args[0].stringValue ?? "", args[1].stringValue ?? ""))
    }
  }

  /// Go's `url.QueryEscape`: letters, digits and `-_.~` kept, a space as `+`, every other
  /// byte of the UTF-8 encoding as `%XX`.
  static func queryEscape(_ s: String) -> String {
    var out = ""
    for byte in s.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
        UInt8(ascii: "."), UInt8(ascii: "~"):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      case UInt8(ascii: " "): out += "+"
      default: out += String(format: "%%%02X", byte)
      }
    }
    return out
  }
}

extension String {
  /// Byte-wise prefix test, as Go's `strings.HasPrefix` (Swift's `hasPrefix` compares
  /// grapheme clusters, so `"e\u{301}"` would not start with `"e"`).
  func hasPrefixBytes(_ prefix: String) -> Bool { utf8.starts(with: prefix.utf8) }

  func hasSuffixBytes(_ suffix: String) -> Bool {
    utf8.count >= suffix.utf8.count && utf8.reversed().starts(with: suffix.utf8.reversed())
  }

  /// Byte-wise substring test, as Go's `strings.Contains`.
  func containsBytes(_ part: String) -> Bool {
    let (haystack, needle) = (Array(utf8), Array(part.utf8))
    guard !needle.isEmpty else { return true }
    guard haystack.count >= needle.count else { return false }
    for start in 0...(haystack.count - needle.count)
    where haystack[start] == needle[0]
      && haystack[start..<start + needle.count].elementsEqual(needle)
    {
      return true
    }
    return false
  }
}
