import XCTest
@testable import GitformCore

/// The NIST FIPS 180-4 example vectors.
final class SHA256Tests: XCTestCase {
  func testEmptyMessage() {
    XCTAssertEqual(
      SHA256.hexDigest([UInt8]()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  }

  func testABC() {
    XCTAssertEqual(
      SHA256.hexDigest(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }

  func testTwoBlockMessage() {
    XCTAssertEqual(
      SHA256.hexDigest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  func testOneMillionA() {
    var hasher = SHA256()
    let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
    for _ in 0..<1000 { hasher.update(chunk) }
    XCTAssertEqual(hasher.finalize().count, 32)
    XCTAssertEqual(
      SHA256.hexDigest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)),
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  func testStreamingMatchesOneShotAtEveryBoundary() {
    let message = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    let expected = SHA256.hash(message)
    for split in [0, 1, 55, 56, 63, 64, 65, 128, 199, 200] {
      var hasher = SHA256()
      hasher.update(message[..<split])
      hasher.update(message[split...])
      XCTAssertEqual(hasher.finalize(), expected, "split at \(split)")
    }
  }
}
