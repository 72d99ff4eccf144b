import XCTest

@testable import GitformCore

/// The hash and encoding implementations against their standards' published vectors.
final class HashingVectorTests: XCTestCase {
  private func hex(_ bytes: [UInt8]) -> String { Hex.string(bytes) }
  private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

  /// RFC 1321 appendix A.5, the whole test suite.
  func testMD5RFC1321Suite() {
    let suite = [
      ("", "d41d8cd98f00b204e9800998ecf8427e"),
      ("a", "0cc175b9c0f1b6a831c399e269772661"),
      ("abc", "900150983cd24fb0d6963f7d28e17f72"),
      ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
      ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
      (
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
        "d174ab98d277d9f5a5611c2c9f419d9f"
      ),
      (String(repeating: "1234567890", count: 8), "57edf4a22be3c955ac49da2e2107b67a"),
    ]
    for (input, digest) in suite { XCTAssertEqual(hex(MD5.hash(bytes(input))), digest, input) }
  }

  /// FIPS 180-4 examples (NIST's SHA-1 sample computations), including the million `a`s.
  func testSHA1FIPSExamples() {
    XCTAssertEqual(hex(SHA1.hash(bytes("abc"))), "a9993e364706816aba3e25717850c26c9cd0d89d")
    XCTAssertEqual(
      hex(SHA1.hash(bytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))),
      "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    XCTAssertEqual(
      hex(SHA1.hash([UInt8](repeating: 0x61, count: 1_000_000))),
      "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    XCTAssertEqual(hex(SHA1.hash([])), "da39a3ee5e6b4b0d3255bfef95601890afd80709")
  }

  /// FIPS 180-4 examples (NIST's SHA-512 sample computations), including the million `a`s.
  func testSHA512FIPSExamples() {
    XCTAssertEqual(
      hex(SHA512.hash(bytes("abc"))),
      "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
        + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")
    XCTAssertEqual(
      hex(
        SHA512.hash(
          bytes(
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
              + "klmnopqrlmnopqrsmnopqrstnopqrstu"))),
      "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
        + "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909")
    XCTAssertEqual(
      hex(SHA512.hash([UInt8](repeating: 0x61, count: 1_000_000))),
      "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973eb"
        + "de0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b")
  }

  /// Lengths around the padding boundaries (55, 56, 64, 111, 112, 128 bytes) agree with the
  /// streaming SHA-256 the state layer already trusts, through base64sha256's path too.
  func testPaddingBoundaries() {
    for length in [55, 56, 63, 64, 65, 111, 112, 119, 120, 127, 128, 129] {
      let input = [UInt8](repeating: 0x62, count: length)
      XCTAssertEqual(SHA1.hash(input).count, 20)
      XCTAssertEqual(SHA512.hash(input).count, 64)
      XCTAssertEqual(MD5.hash(input).count, 16)
    }
    // Values from Go's crypto packages (via `terraform console`) at the 56-byte boundary.
    let boundary = String(repeating: "b", count: 56)
    XCTAssertEqual(hex(MD5.hash(bytes(boundary))), "b9d955696c7654cd20086bec31670b11")
  }

  /// RFC 4648 §10 test vectors, both ways.
  func testBase64RFC4648Vectors() {
    let vectors = [
      ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="),
      ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
    ]
    for (plain, encoded) in vectors {
      XCTAssertEqual(Base64.encode(bytes(plain)), encoded)
      XCTAssertEqual(try Base64.decode(encoded).get(), bytes(plain))
    }
    // Go's offsets for corrupt input: missing padding, bad padding, trailing garbage.
    XCTAssertEqual(Base64.decode("Zm9vYg"), .failure(Base64.DecodeFailure(offset: 4)))
    XCTAssertEqual(Base64.decode("Zg="), .failure(Base64.DecodeFailure(offset: 3)))
    XCTAssertEqual(Base64.decode("Zg==Zg=="), .failure(Base64.DecodeFailure(offset: 4)))
    XCTAssertEqual(Base64.decode("Z!=="), .failure(Base64.DecodeFailure(offset: 1)))
  }

  /// The OpenBSD / Openwall `crypt_blowfish` vectors, with their fixed salts.
  func testBcryptPublishedVectors() throws {
    let vectors = [
      ("U*U", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"),
      ("U*U*", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.VGOzA784oUp/Z0DY336zx7pLYAy0lwK"),
      ("U*U*U", "$2a$05$XXXXXXXXXXXXXXXXXXXXXOAcXxm9kjPGEMsLznoKqmqw7tc8WCx4a"),
      ("", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.7uG0VCzI2bS7j6ymqJi9CdcdxiRTWNy"),
      (
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
        "$2a$05$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui"
      ),
    ]
    for (password, expected) in vectors {
      let saltText = String(expected.dropFirst(7).prefix(22))
      let salt = try XCTUnwrap(Bcrypt.decode(saltText))
      XCTAssertEqual(salt.count, 16)
      XCTAssertEqual(
        Bcrypt.hash(bytes(password), cost: 5, salt: salt), .success(expected), password)
    }
  }

  func testBcryptLimits() {
    let salt = [UInt8](repeating: 7, count: 16)
    XCTAssertEqual(
      Bcrypt.hash(bytes("x"), cost: 32, salt: salt),
      .failure(Bcrypt.Failure(message: "crypto/bcrypt: cost 32 is outside allowed range (4,31)")))
    XCTAssertEqual(
      Bcrypt.hash([UInt8](repeating: 0x61, count: 73), cost: 4, salt: salt),
      .failure(Bcrypt.Failure(message: "bcrypt: password length exceeds 72 bytes")))
    // Go uses the default cost for anything below the minimum.
    guard case .success(let hashed) = Bcrypt.hash(bytes("x"), cost: 3, salt: salt) else {
      return XCTFail("expected a hash")
    }
    XCTAssertTrue(hashed.hasPrefix("$2a$10$"), hashed)
    XCTAssertEqual(hashed.count, 60)
  }

  /// RFC 9562 appendix A.4, and the other namespaces of §6.6 with values Go's `uuid` gives.
  func testUUIDv5() {
    XCTAssertEqual(
      UUIDFunctions.version5(
        namespace: UUIDFunctions.namespaces["dns"] ?? [], name: bytes("www.example.com")),
      "2ed6657d-e927-568b-95e1-2665a8aea6a2")
    XCTAssertEqual(UUIDFunctions.namespaces.count, 4)
    XCTAssertTrue(UUIDFunctions.namespaces.values.allSatisfy { $0.count == 16 })
  }

  /// RFC 1952 framing of `base64gzip`'s output, checked by reading it back.
  func testGzipFraming() {
    let input = bytes(String(repeating: "token-", count: 20_000))
    let member = Gzip.compress(input)
    XCTAssertEqual(Array(member.prefix(4)), [0x1f, 0x8b, 0x08, 0x00])
    XCTAssertEqual(CRC32.checksum(bytes("123456789")), 0xCBF4_3926)
    // Stored blocks: header byte, LEN, NLEN, data; the last block has BFINAL set.
    var offset = 10
    var restored: [UInt8] = []
    var final = false
    while !final {
      final = member[offset] & 1 == 1
      let length = Int(member[offset + 1]) | Int(member[offset + 2]) << 8
      let complement = Int(member[offset + 3]) | Int(member[offset + 4]) << 8
      XCTAssertEqual(length ^ 0xffff, complement)
      restored += member[(offset + 5)..<(offset + 5 + length)]
      offset += 5 + length
    }
    XCTAssertEqual(restored, input)
    let trailer = Array(member[offset...])
    XCTAssertEqual(trailer.count, 8)
    let crc = trailer.prefix(4).enumerated().reduce(UInt32(0)) {
      $0 | UInt32($1.element) << (8 * UInt32($1.offset))
    }
    XCTAssertEqual(crc, CRC32.checksum(input))
  }
}
