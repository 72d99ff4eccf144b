import Foundation

/// Text a server wrote (an error body, a header, the HTTP library's account of a failure), made
/// safe to put in a message a person reads.
///
/// Two dangers, both seen in the wild: a server (or a proxy, or a misconfigured validation layer)
/// that echoes the request it got prints every value of that request — a variable's value, the
/// token in a header — into gitform's error and from there into CI logs; and a server that puts
/// terminal control sequences in its text (`ESC[2J` clears the screen, `ESC]0;…` retitles the
/// window, OSC 8 forges links) takes over the user's terminal. So every piece of server text is
/// scrubbed of the secrets the request carried and of control characters before a message is
/// built from it — before it is cut short, so a secret can never be half-shown at the cut.
struct ServerText {
  /// What a secret that appears in server text is replaced by.
  static let redacted = SecretValue.redacted
  /// Secrets shorter than this cannot be replaced without mangling ordinary words (a value `a`
  /// would blank every `a` of the message); server text containing one is withheld whole.
  static let shortestReplaceable = 4
  /// Shown instead of server text that contains a secret too short to replace.
  static let withheld = "(GitLab's explanation is withheld: it contains a value gitform sent)"

  private let replaceable: [String]
  private let tooShort: [String]

  /// - Parameter secrets: every secret the request carried (the token it was sent with, the
  ///   connection's token, the values in its body).
  init(secrets: [SecretValue]) {
    var long: Set<String> = []
    var short: Set<String> = []
    for secret in secrets where !secret.isEmpty {
      for form in ServerText.spellings(of: secret.reveal()) {
        if form.count >= ServerText.shortestReplaceable { long.insert(form) } else { short.insert(form) }
      }
    }
    // Longest first, so a spelling that contains another is replaced whole.
    replaceable = long.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    tooShort = short.sorted()
  }

  /// `text` without control characters and with every secret replaced (or withheld).
  func clean(_ text: String) -> String {
    // Secrets are looked for before and after the controls go, so that neither a secret holding
    // a control character nor one split by a planted control character survives.
    let result = replaceSecrets(in: ServerText.printable(replaceSecrets(in: text)))
    if tooShort.contains(where: { result.contains($0) || text.contains($0) }) {
      return ServerText.withheld
    }
    return result
  }

  private func replaceSecrets(in text: String) -> String {
    var result = text
    for secret in replaceable where result.contains(secret) {
      result = result.replacingOccurrences(of: secret, with: ServerText.redacted)
    }
    return result
  }

  /// `text` without the characters a terminal acts on: C0 controls other than newline and tab
  /// (ESC, BEL, backspace, carriage return…), DEL and the C1 controls (U+0080–U+009F, which
  /// include the 8-bit CSI some terminals honour). Each is dropped; nothing else changes.
  static func printable(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var scalars = String.UnicodeScalarView()
    scalars.append(contentsOf: text.unicodeScalars.lazy.filter { !isControl($0) })
    return String(scalars)
  }

  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A, 0x09: return false
    case 0x00...0x1F, 0x7F...0x9F: return true
    default: return false
    }
  }

  /// The ways a value can come back in an echo of the request that carried it: as sent, as a
  /// JSON string's contents (Foundation also escapes `/` as `\/`), and any of those
  /// percent-encoded, strictly or leaving RFC 3986's unreserved characters, with a space as
  /// `%20` or `+` (a form body, a query string, a logged URL).
  static func spellings(of value: String) -> [String] {
    var plain = [value]
    if let data = try? JSONSerialization.data(withJSONObject: [value]),
      let array = String(data: data, encoding: .utf8), array.count >= 4
    {
      let inner = String(array.dropFirst(2).dropLast(2))  // ["…"]
      plain.append(inner)
      plain.append(inner.replacingOccurrences(of: "\\/", with: "/"))
    }
    var unreserved = CharacterSet.alphanumerics
    unreserved.insert(charactersIn: "-._~")
    var forms = Set(plain)
    for form in plain {
      for allowed in [CharacterSet.alphanumerics, unreserved] {
        guard let encoded = form.addingPercentEncoding(withAllowedCharacters: allowed) else {
          continue
        }
        forms.insert(encoded)
        forms.insert(encoded.replacingOccurrences(of: "%20", with: "+"))
        forms.insert(encoded.lowercased())
      }
    }
    return forms.sorted()
  }
}
