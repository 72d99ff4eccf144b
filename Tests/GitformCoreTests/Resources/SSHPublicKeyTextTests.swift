import Foundation
import XCTest

@testable import GitformCore

/// Key checks and fingerprints. The keys were made with `ssh-keygen -t …` and the expected
/// fingerprints are what `ssh-keygen -lf` printed for them; the 768-bit RSA key (which
/// ssh-keygen refuses to make) was assembled in Python from a random modulus and fingerprinted
/// with hashlib.
final class SSHPublicKeyTextTests: XCTestCase {
  static let ed25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPg/IV8Q/2clgTyEsUFOZAniPdPPOpeOzjMPg5xSZvjM"
  static let rsa2048 = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCJjUw8LxFfQm1MLt7Q7eqWFATk89o5fPAAdYt2tVLOQuLvGzAWRGibMizonJOF5hZMN92/fLkTPsbG85GNaSjQ6Li8OjuXxtOEHrO84sYxUxgfmczJimOZzBFQTlQF4HMl2bW7DD1WXbTcfFPSVvJDxIbpHgrXRjdnJdtYSlY6pdWW/AN8LrFYWB3+6LcF0K+HnKCpDpR2zUbV4txPjzt2sMHh1bN0n37X0Ci18cnuXG7GSz3NfC+BU/Y8US7hmFPJdD0WqhsISlz399y/m73U50HjLJIGiM8Ty1TI8OY2SZ4R8VVkYS4vXX8dz+5JOMYllxjjRuBUM9t0ZAQ4lHj7"
  static let rsa1024 = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDIbtJTD6Td58ztSz6UYN+lGWF+aauCu0BtYEiZqrLgocxS2faZZ8HePhOsIS8bB+ZxMjIox7W75EJ93JWCEIiWrUZFDMo1izmv9Z9N0GHuhtavk/Ma6zTBh5gPGsgxf4oy/C86FUQAglcoZFHOg89WlFXQFSEwzgyG9Dyhzk5X8w=="
  static let rsa4096 = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAACAQDqCyqFZNmvS7bLEo85QIlzawO7OruQj+8QnaFkjLEJ5EmscR/Fo0+/PvSrvTnopCOBbuankbLP/Xlkwe7eJAwtk2GCmTZ1xcLRaf0TgScGOBeW6up0mlAyPgi4qvx8E/WCRBmRnnU1qQ6eCQFKc/VWTaA+UVDahBPTgzkIlLNSHs47Fjp2QXwU+blk0mI6mXYMuY8LI/XF7AyC9PdCU9iX/geQ2dPCrCUA402DHbsACo7ivVk+RTBtXjMIWD2uf+arbkbo1u+n4Cdg2gtLGCrwrmSePVxYEKpQBgKG6Vuiz04R/mT31j+oTq+95dPbops6tEbJlwlhb9K2WFO/ppS854TmH6H8MMneThjVYfWDa12i1Co5DK25MLyPJ+mpWpTAVaE/WYgjpLr3rbWGw3wne9SVuxb2Hta4VLxJsNvrlh8K8MDytq0cmj3OwDJNyAOrJ4F2xgGh5re9lrFXUm+Xp5Uh9GJIzgeRKYNuT1mZJ+hVaoSo5/Om+wgMFtdN+66nNHjjE7ITwUB/YSOjpSy05wk8Q+uQP8A5ZYnhStfJU6H8HAtsb1vZ0tCibmAmvHNsGTu4XUUBL7NoJ8Wh1AXfjPrXJqEGAS6ngJTMV1gDI1XsHB4btnsMdcgYOQnkz2a/wNRDFf0fqAna6QiCkKTmt47pt2xzlGx5Tlp4jsb3hQ=="
  static let ecdsa384 = "ecdsa-sha2-nistp384 AAAAE2VjZHNhLXNoYTItbmlzdHAzODQAAAAIbmlzdHAzODQAAABhBKse2Z+0Yc9aSgWXw2ZzoxhBHL+Rgdycq+uvuAvBvU1htkuE9si+kuBwUXhEstds9yjRSyezDxDlZqO/1PIIAo3lf//0rLRtolMMoDD1ItXxyfJFRnWTJYuRe4Lx6ao99w=="
  static let dsa1024 = "ssh-dss AAAAB3NzaC1kc3MAAACBAJH9yLAVoEXcP5IpS7z4UK8E/M2u/C9Ov57EWJ4V6ug92nCdpmfc/wCtVNVUmm+mLXU59/nRufIjDMK9GnhjzryCUGPRqoDWGBwA9wYhK+Vie5lPahm2oEIWgTIntoGyXuKLuPHWLUv/BTIFezUF1TIfZaMsFLefpD0wpHk9cI8LAAAAFQDNTS8tMWbUmEH/KsAGrMsZLtU6+wAAAIEAhyzy6m/ZRjS4qqgfkNE7WhsSA7/2WgrTUGJVyYldZJEZI+ZhXbc+B4yFpdLI3KI0gsjy9WqFqMC4XS6nWRpArXrEdPfblEa02n3WZJLeO/k1Vx874DnlMyHAGz00x5CqIJwE265AfhARaCiUTs/jJdrOXWmzGCWFO7V5Ge8Rt8oAAACAZVsf6uBdDMxxtcsi4MOfTjKokg21XfWtutFjFw0iNHCTESPxa4ZygK44w+8iwE/Zi0ozRvPWTlrB15f6BCN93VNSqkEERF6a0aG+m51A5S4PnJLDQUDbfOYrDiyhKq7YJu47FFO51CQT+vve7SZxP9siUudN9Ieu7WaZGsFyasI="
  static let rsa768 =
    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAYQCNEW7OFzj32T2cFyQR4guPaw1Um28DZ1oWAKNaCZlQ2Db2dcyB50716OJdlA7ZBHWVMZhdXZ3J+BgY6BGJL5Ar0j8IJBKLLzMMXH/QpqOkUGUTJw4mng038qdN5FLmtDk="

  private func parsed(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> SSHPublicKeyText {
    switch SSHPublicKeyText.parse(text) {
    case .success(let key): return key
    case .failure(let problem):
      XCTFail(problem.message, file: file, line: line)
      throw problem
    }
  }

  private func problem(_ text: String) -> String? {
    if case .failure(let problem) = SSHPublicKeyText.parse(text) { return problem.message }
    return nil
  }

  func testFingerprintsAndSizesMatchSSHKeygen() throws {
    let cases: [(String, String, String, Int)] = [
      (Self.ed25519 + " bot@ci", "SHA256:70Cb+7+57RiXwuKVS+1jHoagk7uuzOpMn3JWE/XwZdk", "ED25519", 256),
      (Self.rsa2048, "SHA256:YmGAowRh2naJ+vLHLw+bRZrRhzmeMB/LgknkZoeWb6U", "RSA", 2048),
      (Self.rsa1024, "SHA256:zy4fb/cqVCuxM4N7yUqd+Mx7iUjZ1c3LvjYeo+vQerk", "RSA", 1024),
      (Self.rsa4096, "SHA256:aT2ElV3Tsh/2ZKoKODSRvXujC4Z4SxayJfsrNxGBClc", "RSA", 4096),
      (Self.ecdsa384 + " a b c", "SHA256:n3R0Hp2BGEP/BNvEqtP4dVq7bHWKa5r5LhCaAJP+fvM", "ECDSA", 384),
    ]
    for (text, fingerprint, technology, bits) in cases {
      let key = try parsed(text)
      XCTAssertEqual(key.fingerprintSHA256, fingerprint, text)
      XCTAssertEqual(key.technology, technology)
      XCTAssertEqual(key.bits, bits)
    }
    // Surrounding whitespace and a tab between the words are what a pasted key often has.
    XCTAssertEqual(try parsed("\n  " + Self.ed25519.replacingOccurrences(of: " ", with: "\t") + "\n").bits, 256)
  }

  func testRefusesWhatGitLabRefuses() {
    XCTAssertEqual(problem(""), "the key is empty.")
    XCTAssertEqual(
      problem("ssh-foo AAAA"),
      "\"ssh-foo\" is not a key type GitLab accepts; a key starts with ssh-ed25519, ssh-rsa, "
        + "ecdsa-sha2-nistp256/384/521, sk-ssh-ed25519@openssh.com or sk-ecdsa-sha2-nistp256@openssh.com.")
    XCTAssertEqual(
      problem(Self.dsa1024),
      "DSA keys (ssh-dss) are forbidden by GitLab's default settings; use an ED25519 or RSA key.")
    XCTAssertEqual(problem("ssh-ed25519"), "the key has a type but no base64 body after ssh-ed25519.")
    XCTAssertEqual(problem("ssh-ed25519 not*base64"), "the key's body after ssh-ed25519 is not valid base64.")
    // An ed25519 body under the RSA name.
    let body = Self.ed25519.split(separator: " ")[1]
    XCTAssertEqual(
      problem("ssh-rsa \(body)"),
      "the key's body does not hold a ssh-rsa key (it names another type, or is cut short).")
    // Cut short: the last base64 quantum of an ed25519 key removed.
    XCTAssertEqual(
      problem("ssh-ed25519 " + body.dropLast(4)),
      "the key's body is not a well-formed ssh-ed25519 key (cut short or with extra bytes).")
    XCTAssertEqual(
      problem(Self.rsa768),
      "the RSA key has 768 bits; GitLab requires at least 1024 (2048 or more is advised).")
    XCTAssertEqual(
      problem(Self.ed25519 + " " + String(repeating: "x", count: 5000)),
      "the key is longer than GitLab's limit of 5000 characters.")
    // A private key pasted by mistake starts with something GitLab does not know.
    XCTAssertNotNil(problem("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA"))
  }

  func testTheCommentDoesNotMakeAnotherKey() {
    XCTAssertTrue(SSHPublicKeyText.sameKey(Self.ed25519 + " bot@ci", Self.ed25519 + " Deploy Bot (gitlab.example.com)"))
    XCTAssertTrue(SSHPublicKeyText.sameKey(Self.ed25519, " " + Self.ed25519 + " x"))
    XCTAssertFalse(SSHPublicKeyText.sameKey(Self.ed25519, Self.rsa2048))
    XCTAssertFalse(SSHPublicKeyText.sameKey("ssh-ed25519", "ssh-ed25519"))
  }

  func testKeyExpiriesCompareAsInstants() {
    XCTAssertTrue(KeyExpiry.sameInstant("2027-01-31", "2027-01-31T00:00:00.000Z"))
    XCTAssertTrue(KeyExpiry.sameInstant("2027-01-31T02:00:00+02:00", "2027-01-31"))
    XCTAssertFalse(KeyExpiry.sameInstant("2027-01-31", "2027-02-01T00:00:00Z"))
    XCTAssertFalse(KeyExpiry.sameInstant("31.01.2027", "31.01.2027"))
    XCTAssertNil(KeyExpiry.instant("2027-13-01"))
    XCTAssertEqual(KeyExpiry.format(Date(timeIntervalSince1970: 1_801_353_605)), "2027-01-31T00:00:05Z")
  }
}
