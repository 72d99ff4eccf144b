/// An OpenSSH public key line (`ssh-ed25519 AAAA… comment`), checked as GitLab checks it when
/// a key is added (`Gitlab::SSHPublicKey`, `SshKeyValidator`; users reference §5.3–5.4), so
/// a bad key fails the plan instead of the apply.
///
/// Written from the wire format (RFC 4253 §6.6, RFC 5656, RFC 8709), not shared with the
/// emulator, which checks keys on its own.
struct SSHPublicKeyText: Equatable, Sendable {
  /// The algorithm names GitLab accepts as a key's first word, by its technology name.
  static let technologies: [String: String] = [
    "ssh-rsa": "RSA", "ssh-dss": "DSA", "ecdsa-sha2-nistp256": "ECDSA",
    "ecdsa-sha2-nistp384": "ECDSA", "ecdsa-sha2-nistp521": "ECDSA", "ssh-ed25519": "ED25519",
    "sk-ecdsa-sha2-nistp256@openssh.com": "ECDSA_SK", "sk-ssh-ed25519@openssh.com": "ED25519_SK",
  ]
  /// GitLab's smallest supported RSA size (`Gitlab::SSHPublicKey::TECHNOLOGIES`); OpenSSH
  /// refuses smaller ones too.
  static let minimumRSABits = 1024
  /// GitLab's `validates :key, length: { maximum: 5000 }`.
  static let maximumLength = 5000

  /// The first word: `ssh-ed25519`, `ssh-rsa`, …
  let algorithm: String
  /// `RSA`, `ECDSA`, `ED25519`, … as GitLab's messages name them.
  let technology: String
  let bits: Int
  /// The base64 body as written.
  let body: String
  /// `SHA256:` and the unpadded base64 of the blob's SHA-256, as `ssh-keygen -l` and GitLab's
  /// key pages show it.
  let fingerprintSHA256: String

  /// Parses `text`, or says in one sentence what GitLab would refuse about it.
  static func parse(_ text: String) -> Result<SSHPublicKeyText, KeyProblem> {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
      .map(String.init)
    guard let first = words.first else { return .failure(KeyProblem("the key is empty.")) }
    if text.count > maximumLength {
      return .failure(KeyProblem("the key is longer than GitLab's limit of \(maximumLength) characters."))
    }
    guard let technology = technologies[first] else {
      return .failure(
        KeyProblem(
          "\(Value.quoted(String(first.prefix(40)))) is not a key type GitLab accepts; a key starts with "
            + "ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256/384/521, sk-ssh-ed25519@openssh.com or "
            + "sk-ecdsa-sha2-nistp256@openssh.com."))
    }
    if technology == "DSA" {
      return .failure(
        KeyProblem("DSA keys (ssh-dss) are forbidden by GitLab's default settings; use an ED25519 or RSA key."))
    }
    guard words.count >= 2 else {
      return .failure(KeyProblem("the key has a type but no base64 body after \(first)."))
    }
    guard case .success(let blob) = Base64.decode(words[1]), !blob.isEmpty else {
      return .failure(KeyProblem("the key's body after \(first) is not valid base64."))
    }
    var reader = WireReader(blob)
    guard let name = reader.string(), String(decoding: name, as: UTF8.self) == first else {
      return .failure(KeyProblem("the key's body does not hold a \(first) key (it names another type, or is cut short)."))
    }
    guard let bits = keyBits(first, &reader), reader.atEnd else {
      return .failure(KeyProblem("the key's body is not a well-formed \(first) key (cut short or with extra bytes)."))
    }
    if technology == "RSA", bits < minimumRSABits {
      return .failure(
        KeyProblem("the RSA key has \(bits) bits; GitLab requires at least \(minimumRSABits) (2048 or more is advised)."))
    }
    var fingerprint = Base64.encode(SHA256.hash(blob))
    while fingerprint.hasSuffix("=") { fingerprint.removeLast() }
    return .success(
      SSHPublicKeyText(
        algorithm: first, technology: technology, bits: bits, body: words[1],
        fingerprintSHA256: "SHA256:" + fingerprint))
  }

  /// The key's size in bits, reading the fields after the algorithm name; nil when malformed.
  private static func keyBits(_ algorithm: String, _ reader: inout WireReader) -> Int? {
    switch algorithm {
    case "ssh-rsa":
      guard reader.string() != nil, let modulus = reader.string() else { return nil }
      return bitLength(modulus)
    case "ssh-ed25519", "sk-ssh-ed25519@openssh.com":
      guard let point = reader.string(), point.count == 32 else { return nil }
      if algorithm.hasPrefix("sk-") { guard reader.string() != nil else { return nil } }
      return 256
    default:  // ECDSA, plain or security-key
      guard let curve = reader.string(), reader.string() != nil else { return nil }
      if algorithm.hasPrefix("sk-") { guard reader.string() != nil else { return nil } }
      let curveName = String(decoding: curve, as: UTF8.self)
      guard algorithm.contains(curveName) else { return nil }
      return ["nistp256": 256, "nistp384": 384, "nistp521": 521][curveName]
    }
  }

  /// Bits of an SSH `mpint` (big-endian, a leading zero byte when the top bit is set).
  static func bitLength(_ bytes: [UInt8]) -> Int {
    guard let first = bytes.firstIndex(where: { $0 != 0 }) else { return 0 }
    return (bytes.count - first - 1) * 8 + (8 - bytes[first].leadingZeroBitCount)
  }

  /// True when both lines hold the same key: type and body, whatever their comments say
  /// (GitLab replaces the comment, the provider ignores it when diffing).
  static func sameKey(_ a: String, _ b: String) -> Bool {
    let x = a.split(whereSeparator: \.isWhitespace).prefix(2)
    let y = b.split(whereSeparator: \.isWhitespace).prefix(2)
    return x.count == 2 && Array(x) == Array(y)
  }

  /// Why a key line is refused.
  struct KeyProblem: Error, Equatable, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
  }

  /// The SSH wire format's length-prefixed strings.
  private struct WireReader {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { offset == bytes.count }

    mutating func string() -> [UInt8]? {
      guard bytes.count - offset >= 4 else { return nil }
      let length = bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
      guard length <= bytes.count - offset - 4 else { return nil }
      offset += 4
      defer { offset += length }
      return Array(bytes[offset..<(offset + length)])
    }
  }
}
