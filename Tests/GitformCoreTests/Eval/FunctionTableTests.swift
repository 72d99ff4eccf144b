import XCTest

@testable import GitformCore

/// The function table against Terraform 1.11's built-in functions, and the functions whose
/// results depend on when they run.
final class FunctionTableTests: FunctionTestCase {
  /// Terraform 1.11's functions (`lang/functions.go`), less `rsadecrypt` (no key material in
  /// a token configuration) and the deprecated `list` and `map`, which only fail there.
  static let terraform = """
    abs abspath alltrue anytrue base64decode base64encode base64gzip base64sha256 base64sha512
    basename bcrypt can ceil chomp chunklist cidrhost cidrnetmask cidrsubnet cidrsubnets
    coalesce coalescelist compact concat contains csvdecode dirname distinct element endswith
    ephemeralasnull file filebase64 filebase64sha256 filebase64sha512 fileexists filemd5
    fileset filesha1 filesha256 filesha512 flatten floor format formatdate formatlist indent
    index issensitive join jsondecode jsonencode keys length log lookup lower matchkeys max md5
    merge min nonsensitive one parseint pathexpand plantimestamp pow range regex regexall
    replace reverse sensitive setintersection setproduct setsubtract setunion sha1 sha256
    sha512 signum slice sort split startswith strcontains strrev substr sum templatefile
    templatestring textdecodebase64 textencodebase64 timeadd timecmp timestamp title tobool
    tolist tomap tonumber toset tostring transpose trim trimprefix trimspace trimsuffix try
    upper urlencode uuid uuidv5 values yamldecode yamlencode zipmap
    """.split(whereSeparator: \.isWhitespace).map(String.init)

  func testEveryTerraformFunctionIsThere() {
    let names = Set(EvalContext().functionNames)
    XCTAssertEqual(Self.terraform.filter { !names.contains($0) }, [])
    XCTAssertEqual(Set(Self.terraform).count, 117)
  }

  /// `uuid()` and `bcrypt()` give a new value at every call, so like `timestamp()` they are
  /// known only when applying.
  func testImpureFunctionsAreUnknownUntilApply() {
    for mode in [EvalMode.validate, .plan] {
      XCTAssertEqual(call("uuid", mode: mode), .success(.unknown(.string)))
      XCTAssertEqual(
        call("bcrypt", .string("x"), .number(4), mode: mode), .success(.unknown(.string)))
    }
    guard case .success(let first) = call("uuid"), case .success(let second) = call("uuid"),
      let a = first.stringValue, let b = second.stringValue
    else { return XCTFail("uuid failed") }
    XCTAssertNotEqual(a, b)
    let pattern = #"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"#
    XCTAssertNotNil(a.range(of: pattern, options: .regularExpression), a)
  }

  /// A generated bcrypt hash verifies: hashing the password again with its own salt gives it.
  func testBcryptHashesVerify() throws {
    guard case .success(let result) = call("bcrypt", .string("glpat-token"), .number(5)),
      let hashed = result.stringValue
    else { return XCTFail("bcrypt failed") }
    XCTAssertTrue(hashed.hasPrefix("$2a$05$"), hashed)
    let salt = try XCTUnwrap(Bcrypt.decode(String(hashed.dropFirst(7).prefix(22))))
    XCTAssertEqual(Bcrypt.hash(Array("glpat-token".utf8), cost: 5, salt: salt), .success(hashed))
    XCTAssertNotEqual(Bcrypt.hash(Array("glpat-tokeN".utf8), cost: 5, salt: salt), .success(hashed))
  }

  /// A function of a sensitive value is sensitive, and its failures do not quote the value.
  func testSensitiveArgumentsMarkResultsAndRedactFailures() {
    let secret = Value.string("glpat-secret").marked(sensitive: true)
    for name in ["md5", "sha1", "sha512", "base64encode", "strrev", "urlencode", "chomp"] {
      guard case .success(let value) = call(name, secret) else { return XCTFail(name) }
      XCTAssertTrue(value.isSensitive, name)
    }
    XCTAssertEqual(call("issensitive", secret), .success(.true))
    XCTAssertEqual(
      call("base64decode", Value.string("not base64!").marked(sensitive: true)),
      .failure(.failed(#"Call to function "base64decode" failed: \#(Function.redacted)."#)))
    XCTAssertEqual(
      call("yamldecode", Value.string("a: *glpat-secret").marked(sensitive: true)),
      .failure(.failed(#"Call to function "yamldecode" failed: \#(Function.redacted)."#)))
    guard
      case .success(let decoded) = call("yamldecode", Value.string("a: b").marked(sensitive: true))
    else { return XCTFail("yamldecode failed") }
    XCTAssertTrue(decoded.isSensitive)
  }
}
