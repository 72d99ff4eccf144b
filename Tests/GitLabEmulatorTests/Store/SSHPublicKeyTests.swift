import Foundation
import XCTest

@testable import GitLabEmulator

/// Key parsing and fingerprints, checked against `ssh-keygen -l` output for the same keys.
final class SSHPublicKeyTests: XCTestCase {
  static let ed25519 =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJEmqEdC92sW+0DCYTGxVUweJr5PkMXEYT5oJjkK0gq0 alice@laptop"
  static let rsa1024 =
    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC4XQowNn5JgFAp6bgbZDqbO56/zcwtBlHl25KQ5+bVmPfselSxwU4vmemMt2kVrYPiOpQ3hEJdugVj5O2R63PzmCK2bl+n6HyUGT8OhC6tiSKlVB6MF+TNHfty6SiH300tqRqHY4lZCEdrDw8Rsp2veI8dSQAnQKTlLDJsF12hAw== x"
  static let ecdsa384 =
    "ecdsa-sha2-nistp384 AAAAE2VjZHNhLXNoYTItbmlzdHAzODQAAAAIbmlzdHAzODQAAABhBG4hAkOq8XkOikKjiZ+3nmgq8a0ua6XPG6eetg4tISr3MhRTeDXZBssC2VLz5r3kEjKgNr71dce5NZp86N1yw5SojU3N+9IY05yESP+X+z9YclzMQDgO44tcSsEaL52uYw== y"
  static let rsa2048 =
    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDz1elevqaIY+g45cDpnA1R+2aUnWPcoC0E9t0TZBUKNVkt7Umur5aYKQlgKtjH9+pXuFfVTMS0Pzy5OqxwXXiQGs19fCV8kw0+MLjRlMBLizzKJL7CKm1hSuihMBiaWcDO8TSyAVTqe/LE1awUrLymU9VQjL2f1A0OoZBy2BKLLvgWeulm/1jMnxORiiVTaovmKIgc0+lrv3+YKQ7uAlJngtf4OTQJ3UfyVgzDCDmgzoi5K99E+Pa0FsCy6dVOLsAWtfqD7CNsifLjC843SjZ3zA5NM8z2LcGUeOONBDzb1acNU/77Kb7J1EUHJacCeF1syDFGRptanSvTPqVXZqeh z"

  func testTypesSizesAndFingerprintsMatchSSHKeygen() throws {
    let cases: [(String, SSHPublicKey.Technology, Int, String)] = [
      (Self.ed25519, .ed25519, 256, "iOoOZ6TSbIQhRZimmX1NXNnINnZFYSbkI4GIeXSYMlA"),
      (Self.rsa1024, .rsa, 1024, "OTLp5H/zUgITq6IMKzDRb5HiCG0MfJQgCxik+XqlOyw"),
      (Self.ecdsa384, .ecdsa, 384, "45BDTSydprou84a18v0PaxljRcOtg7LVocNJ29T544g"),
      (Self.rsa2048, .rsa, 2048, "tRUkJMALAySus39/Wm0v80qi3RA8kJNxT19UJ5bZVA4"),
    ]
    for (text, technology, bits, fingerprint) in cases {
      let key = try XCTUnwrap(SSHPublicKey(text))
      XCTAssertEqual(key.technology, technology)
      XCTAssertEqual(key.bits, bits)
      XCTAssertEqual(key.fingerprintSHA256, fingerprint)
    }
  }

  func testTheCommentIsCutToOneTokenAndBadKeysAreRefused() {
    XCTAssertEqual(
      SSHPublicKey(Self.ed25519 + " extra words")?.sanitized, Self.ed25519)
    XCTAssertNil(SSHPublicKey("ssh-ed25519 not-base64!"))
    XCTAssertNil(SSHPublicKey("ssh-rsa " + Self.ed25519.split(separator: " ")[1]), "blob names another type")
    XCTAssertNil(SSHPublicKey("ssh-foo AAAA"))
    XCTAssertFalse(SSHPublicKey.hasKnownPrefix("ssh-foo AAAA"))
    XCTAssertTrue(SSHPublicKey.hasKnownPrefix("ssh-ed25519 garbage"))
  }

  func testSHA256KnownAnswers() {
    let hex: ([UInt8]) -> String = { $0.map { String(format: "%02x", $0) }.joined() }
    XCTAssertEqual(hex(SHA256.hash([])), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    XCTAssertEqual(hex(SHA256.hash(Array("abc".utf8))), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    XCTAssertEqual(
      hex(SHA256.hash(Array(String(repeating: "a", count: 1000).utf8))),
      "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
  }
}
