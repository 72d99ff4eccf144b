/// bcrypt (Provos and Mazières 1999), `$2a$` variant, as Go's `golang.org/x/crypto/bcrypt`
/// generates it for Terraform's `bcrypt()`: the password plus a NUL byte as the key, at most
/// 72 bytes of password, costs 4 to 31 (a lower cost means the default 10). Tested against
/// the published OpenBSD/Openwall vectors.
enum Bcrypt {
  static let defaultCost = 10

  struct Failure: Error, Equatable {
    var message: String
  }

  /// bcrypt's own Base64 alphabet, without padding.
  private static let alphabet = Array(
    "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)

  static func randomSalt() -> [UInt8] {
    var generator = SystemRandomNumberGenerator()
    return (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
  }

  /// The full `$2a$NN$<salt><hash>` string for `password` with the 16-byte `salt`.
  static func hash(_ password: [UInt8], cost requested: Int, salt: [UInt8]) -> Result<
    String, Failure
  > {
    guard password.count <= 72 else {
      return .failure(Failure(message: "bcrypt: password length exceeds 72 bytes"))
    }
    let cost = requested < 4 ? defaultCost : requested
    guard cost <= 31 else {
      return .failure(
        Failure(message: "crypto/bcrypt: cost \(cost) is outside allowed range (4,31)"))
    }
    guard salt.count == 16 else {
      return .failure(Failure(message: "bcrypt: salt must be 16 bytes"))
    }
    var state = Blowfish()
    let key = password + [0]
    state.expand(key: key, salt: salt)
    for _ in 0..<(1 << cost) {
      state.expand(key: key, salt: nil)
      state.expand(key: salt, salt: nil)
    }
    var text = Array("OrpheanBeholderScryDoubt".utf8)
    var words: [UInt32] = []
    for i in 0..<6 {
      var word: UInt32 = 0
      for j in 0..<4 { word = word << 8 | UInt32(text[i * 4 + j]) }
      words.append(word)
    }
    for _ in 0..<64 {
      for i in stride(from: 0, to: 6, by: 2) {
        (words[i], words[i + 1]) = state.encrypt(words[i], words[i + 1])
      }
    }
    text = words.flatMap { w in
      (0..<4).map { UInt8(truncatingIfNeeded: w >> (24 - 8 * UInt32($0))) }
    }
    let costText = cost < 10 ? "0\(cost)" : "\(cost)"
    return .success("$2a$\(costText)$" + encode(salt) + encode(Array(text.prefix(23))))
  }

  static func encode(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    var i = 0
    while i < bytes.count {
      let b0 = bytes[i]
      let b1 = i + 1 < bytes.count ? bytes[i + 1] : 0
      let b2 = i + 2 < bytes.count ? bytes[i + 2] : 0
      out.append(alphabet[Int(b0 >> 2)])
      out.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
      if i + 1 < bytes.count { out.append(alphabet[Int((b1 & 0x0f) << 2 | b2 >> 6)]) }
      if i + 2 < bytes.count { out.append(alphabet[Int(b2 & 0x3f)]) }
      i += 3
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The bytes of bcrypt-Base64 `text` (a salt of 22 characters gives 16 bytes).
  static func decode(_ text: String) -> [UInt8]? {
    var sextets: [UInt8] = []
    for byte in text.utf8 {
      guard let index = alphabet.firstIndex(of: byte) else { return nil }
      sextets.append(UInt8(index))
    }
    var out: [UInt8] = []
    var i = 0
    while i + 1 < sextets.count {
      out.append(sextets[i] << 2 | sextets[i + 1] >> 4)
      if i + 2 < sextets.count { out.append(sextets[i + 1] << 4 | sextets[i + 2] >> 2) }
      if i + 3 < sextets.count { out.append(sextets[i + 2] << 6 | sextets[i + 3]) }
      i += 4
    }
    return out
  }
}
