import XCTest

@testable import GitformCore

/// RFC 1321's test suite, plus the padding edges (55, 56, 63, 64 bytes) and the base64 form
/// Terraform sends as `Content-MD5`.
final class MD5Tests: XCTestCase {
  private func hex(_ text: String) -> String {
    MD5.digest(Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
  }

  func testRFC1321Vectors() {
    XCTAssertEqual(hex(""), "d41d8cd98f00b204e9800998ecf8427e")
    XCTAssertEqual(hex("a"), "0cc175b9c0f1b6a831c399e269772661")
    XCTAssertEqual(hex("abc"), "900150983cd24fb0d6963f7d28e17f72")
    XCTAssertEqual(hex("message digest"), "f96b697d7cb7938d525a2f31aaf161d0")
    XCTAssertEqual(hex("abcdefghijklmnopqrstuvwxyz"), "c3fcd3d76192e4007dfb496cca67e13b")
    XCTAssertEqual(
      hex("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"),
      "d174ab98d277d9f5a5611c2c9f419d9f")
    XCTAssertEqual(
      hex(String(repeating: "1234567890", count: 8)), "57edf4a22be3c955ac49da2e2107b67a")
  }

  /// Lengths around the 56-byte padding boundary and a whole block (values from md5sum).
  func testPaddingBoundaries() {
    XCTAssertEqual(hex(String(repeating: "0", count: 55)), "d7fe636bd28e2ee2ba4d6c5898318699")
    XCTAssertEqual(hex(String(repeating: "0", count: 56)), "ce992c2ad906967c63c3f9ab0c2294a9")
    XCTAssertEqual(hex(String(repeating: "0", count: 63)), "5703db92acb9d45e3975822c9206453f")
    XCTAssertEqual(hex(String(repeating: "0", count: 64)), "10eab6008d5642cf42abd2aa41f847cb")
  }

  func testBase64DigestAsContentMD5() {
    XCTAssertEqual(MD5.base64Digest(Array("abc".utf8)), "kAFQmDzST7DWlj99KOF/cg==")
  }
}
