import Foundation

/// An OpenSSH public key line as GitLab's `Key` model validates it (`Gitlab::SSHPublicKey`,
/// `SshKeyValidator`): a supported algorithm, a base64 body whose wire-format blob names the
/// same algorithm, the key's size in bits, and the SHA-256 fingerprint GitLab stores.
struct SSHPublicKey: Equatable {
  /// GitLab's technology names for the algorithms it accepts.
  enum Technology: String {
    case rsa = "RSA", dsa = "DSA", ecdsa = "ECDSA", ed25519 = "ED25519"
    case ecdsaSK = "ECDSA_SK", ed25519SK = "ED25519_SK"
  }

  static let algorithms: [String: Technology] = [
    "ssh-rsa": .rsa, "ssh-dss": .dsa, "ecdsa-sha2-nistp256": .ecdsa,
    "ecdsa-sha2-nistp384": .ecdsa, "ecdsa-sha2-nistp521": .ecdsa, "ssh-ed25519": .ed25519,
    "sk-ecdsa-sha2-nistp256@openssh.com": .ecdsaSK, "sk-ssh-ed25519@openssh.com": .ed25519SK,
  ]

  let algorithm: String
  let technology: Technology
  let bits: Int
  /// Type, base64 body and at most one comment token (`Gitlab::SSHPublicKey.sanitize`).
  let sanitized: String
  /// Base64 of SHA-256 over the blob, unpadded: `SHA256:` + this is what `ssh-keygen -l` shows.
  let fingerprintSHA256: String

  /// Whether the text starts with an algorithm name GitLab knows (else `key` "is invalid").
  static func hasKnownPrefix(_ text: String) -> Bool {
    let first = text.trimmingCharacters(in: .whitespacesAndNewlines).split(whereSeparator: \.isWhitespace).first
    return first.map { algorithms[String($0)] != nil } ?? false
  }

  /// Parses a key line; nil when the body is not a well-formed key of the named algorithm.
  init?(_ text: String) {
    let parts = text.trimmingCharacters(in: .whitespacesAndNewlines)
      .split(whereSeparator: \.isWhitespace).map(String.init)
    guard parts.count >= 2, let technology = SSHPublicKey.algorithms[parts[0]],
      let blob = Data(base64Encoded: parts[1]).map(Array.init)
    else { return nil }
    var reader = BlobReader(bytes: blob)
    guard let name = reader.string(), String(decoding: name, as: UTF8.self) == parts[0] else {
      return nil
    }
    let bits: Int
    switch technology {
    case .rsa:
      guard reader.string() != nil, let modulus = reader.string(), reader.atEnd else { return nil }
      bits = SSHPublicKey.bitLength(modulus)
    case .dsa:
      guard let p = reader.string(), reader.string() != nil, reader.string() != nil,
        reader.string() != nil, reader.atEnd
      else { return nil }
      bits = SSHPublicKey.bitLength(p)
    case .ecdsa, .ecdsaSK:
      guard let curve = reader.string(), reader.string() != nil else { return nil }
      if technology == .ecdsaSK { guard reader.string() != nil else { return nil } }
      guard reader.atEnd else { return nil }
      switch String(decoding: curve, as: UTF8.self) {
      case "nistp256": bits = 256
      case "nistp384": bits = 384
      case "nistp521": bits = 521
      default: return nil
      }
    case .ed25519, .ed25519SK:
      guard let point = reader.string(), point.count == 32 else { return nil }
      if technology == .ed25519SK { guard reader.string() != nil else { return nil } }
      guard reader.atEnd else { return nil }
      bits = 256
    }
    self.algorithm = parts[0]
    self.technology = technology
    self.bits = bits
    self.sanitized = parts.prefix(3).joined(separator: " ")
    var fingerprint = Data(SHA256.hash(blob)).base64EncodedString()
    while fingerprint.hasSuffix("=") { fingerprint.removeLast() }
    self.fingerprintSHA256 = fingerprint
  }

  /// Bits of an SSH mpint (big-endian, possibly with a leading zero byte).
  static func bitLength(_ bytes: [UInt8]) -> Int {
    guard let first = bytes.firstIndex(where: { $0 != 0 }) else { return 0 }
    let leading = bytes[first]
    return (bytes.count - first - 1) * 8 + (8 - leading.leadingZeroBitCount)
  }

  /// Reads the SSH wire format's length-prefixed strings.
  private struct BlobReader {
    let bytes: [UInt8]
    var offset = 0

    var atEnd: Bool { offset == bytes.count }

    mutating func string() -> [UInt8]? {
      guard bytes.count - offset >= 4 else { return nil }
      let length = bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
      offset += 4
      guard length <= bytes.count - offset else { return nil }
      defer { offset += length }
      return Array(bytes[offset..<(offset + length)])
    }
  }
}
