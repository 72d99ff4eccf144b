/// HMAC-SHA-256 (RFC 2104), for the saved plan's digests.
///
/// A bare SHA-256 of a variable's value would let anyone who can read a plan file (a
/// merge-request artifact is readable by every Reporter) test guesses offline; keyed with a
/// random secret kept in the state, the digests say nothing to whoever lacks the state.
/// Streaming like `SHA256`: `update` any number of times, then `finalize`. Tested against the
/// RFC 4231 vectors.
public struct HMACSHA256: Sendable {
  private static let blockSize = 64
  private var inner = SHA256()
  private let outerPad: [UInt8]

  public init<Key: Sequence>(key: Key) where Key.Element == UInt8 {
    var block = Array(key)
    // Keys longer than a block are hashed first, as RFC 2104 says.
    if block.count > HMACSHA256.blockSize { block = SHA256.hash(block) }
    block += [UInt8](repeating: 0, count: HMACSHA256.blockSize - block.count)
    outerPad = block.map { $0 ^ 0x5c }
    inner.update(block.map { $0 ^ 0x36 })
  }

  public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
    inner.update(bytes)
  }

  public mutating func finalize() -> [UInt8] {
    var outer = SHA256()
    outer.update(outerPad)
    outer.update(inner.finalize())
    return outer.finalize()
  }

  /// The MAC of `bytes` under `key` as 64 lowercase hex digits.
  public static func hexDigest<Key: Sequence, Bytes: Sequence>(key: Key, _ bytes: Bytes) -> String
  where Key.Element == UInt8, Bytes.Element == UInt8 {
    var mac = HMACSHA256(key: key)
    mac.update(bytes)
    return hex(mac.finalize())
  }

  static func hex(_ bytes: [UInt8]) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
  }

  /// Compares two MACs in time independent of where they differ.
  public static func equal(_ a: String, _ b: String) -> Bool {
    let left = Array(a.utf8)
    let right = Array(b.utf8)
    guard left.count == right.count else { return false }
    var difference: UInt8 = 0
    for index in left.indices { difference |= left[index] ^ right[index] }
    return difference == 0
  }
}
