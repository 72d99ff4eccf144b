import XCTest

@testable import GitformCore

/// MD5's padding edges (55, 56, 63, 64 bytes) and the base64 form Terraform's http backend
/// sends as `Content-MD5` (RFC 1321's own suite is in HashingVectorTests).
final class MD5BoundaryTests: XCTestCase {
  private func hex(_ text: String) -> String {
    MD5.hash(Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
  }

  /// Lengths around the 56-byte padding boundary and a whole block (values from md5sum).
  func testPaddingBoundaries() {
    XCTAssertEqual(hex(String(repeating: "0", count: 55)), "d7fe636bd28e2ee2ba4d6c5898318699")
    XCTAssertEqual(hex(String(repeating: "0", count: 56)), "ce992c2ad906967c63c3f9ab0c2294a9")
    XCTAssertEqual(hex(String(repeating: "0", count: 63)), "5703db92acb9d45e3975822c9206453f")
    XCTAssertEqual(hex(String(repeating: "0", count: 64)), "10eab6008d5642cf42abd2aa41f847cb")
  }

  func testBase64DigestAsContentMD5() {
    XCTAssertEqual(Base64.encode(MD5.hash(Array(Array("abc".utf8)))), "kAFQmDzST7DWlj99KOF/cg==")
  }
}
