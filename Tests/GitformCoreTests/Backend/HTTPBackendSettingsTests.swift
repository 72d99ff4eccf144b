import XCTest

@testable import GitformCore

/// `backend "http"` settings from the block and `TF_HTTP_*`, as Terraform's backend.go reads them.
final class HTTPBackendSettingsTests: XCTestCase {
  func testDefaultsAreTerraforms() throws {
    let settings = try HTTPBackendSettings.resolve(
      attributes: ["address": "https://state.example.com/s"], environment: [:])
    XCTAssertEqual(settings.address.absoluteString, "https://state.example.com/s")
    XCTAssertEqual(settings.updateMethod, "POST")
    XCTAssertNil(settings.lockAddress)
    XCTAssertEqual(settings.lockMethod, "LOCK")
    XCTAssertNil(settings.unlockAddress)
    XCTAssertEqual(settings.unlockMethod, "UNLOCK")
    XCTAssertEqual(settings.username, "")
    XCTAssertTrue(settings.password.isEmpty)
    XCTAssertFalse(settings.skipCertVerification)
    XCTAssertEqual([settings.retryMax, settings.retryWaitMin, settings.retryWaitMax], [2, 1, 30])
    XCTAssertEqual(settings.server, .generic)
  }

  func testEveryEnvironmentVariableIsReadWhenTheAttributeIsAbsent() throws {
    let environment = [
      "TF_HTTP_ADDRESS": "https://env.example.com/state",
      "TF_HTTP_UPDATE_METHOD": "PUT",
      "TF_HTTP_LOCK_ADDRESS": "https://env.example.com/lock",
      "TF_HTTP_LOCK_METHOD": "POST",
      "TF_HTTP_UNLOCK_ADDRESS": "https://env.example.com/unlock",
      "TF_HTTP_UNLOCK_METHOD": "DELETE",
      "TF_HTTP_USERNAME": "env-user",
      "TF_HTTP_PASSWORD": "env-password-value",
      "TF_HTTP_RETRY_MAX": "7",
      "TF_HTTP_RETRY_WAIT_MIN": "3",
      "TF_HTTP_RETRY_WAIT_MAX": "9",
    ]
    let settings = try HTTPBackendSettings.resolve(attributes: [:], environment: environment)
    XCTAssertEqual(settings.address.absoluteString, "https://env.example.com/state")
    XCTAssertEqual(settings.updateMethod, "PUT")
    XCTAssertEqual(settings.lockAddress?.absoluteString, "https://env.example.com/lock")
    XCTAssertEqual(settings.lockMethod, "POST")
    XCTAssertEqual(settings.unlockAddress?.absoluteString, "https://env.example.com/unlock")
    XCTAssertEqual(settings.unlockMethod, "DELETE")
    XCTAssertEqual(settings.username, "env-user")
    XCTAssertEqual(settings.password.reveal(), "env-password-value")
    XCTAssertEqual([settings.retryMax, settings.retryWaitMin, settings.retryWaitMax], [7, 3, 9])
  }

  /// backendbase.GetAttrEnvDefaultFallback: a set attribute wins over the variable, even when
  /// it is the empty string; an empty variable counts as unset.
  func testTheBlockWinsOverTheEnvironment() throws {
    let environment = [
      "TF_HTTP_ADDRESS": "https://env.example.com/state", "TF_HTTP_USERNAME": "env-user",
      "TF_HTTP_RETRY_MAX": "7", "TF_HTTP_LOCK_METHOD": "",
    ]
    let settings = try HTTPBackendSettings.resolve(
      attributes: ["address": "http://config.example.com/state", "username": "", "retry_max": "0"],
      environment: environment)
    XCTAssertEqual(settings.address.absoluteString, "http://config.example.com/state")
    XCTAssertEqual(settings.username, "")
    XCTAssertEqual(settings.retryMax, 0)
    XCTAssertEqual(settings.lockMethod, "LOCK")
  }

  func testErrorsUseTerraformsWords() {
    func message(_ attributes: [String: String], _ environment: [String: String] = [:]) -> String {
      do {
        _ = try HTTPBackendSettings.resolve(attributes: attributes, environment: environment)
        return "no error"
      } catch {
        XCTAssertEqual(error.code, .invalidConfiguration)
        return error.detail
      }
    }
    XCTAssertTrue(message([:]).hasPrefix("address argument is required"))
    XCTAssertTrue(
      message(["address": ""], ["TF_HTTP_ADDRESS": "https://x/s"]).hasPrefix(
        "address argument is required"))
    XCTAssertEqual(message(["address": "ftp://x/s"]), "address must be HTTP or HTTPS.")
    XCTAssertEqual(
      message(["address": "https://x/s", "lock_address": ""]), "lock_address must be HTTP or HTTPS."
    )
    XCTAssertEqual(
      message(["address": "https://x/s"], ["TF_HTTP_RETRY_MAX": "many"]),
      "invalid retry_max: a number is required, not \"many\".")
    XCTAssertEqual(
      message(["address": "https://x/s", "retry_wait_min": "1.5"]),
      "invalid retry_wait_min: must be a whole number, not 1.5.")
    XCTAssertTrue(
      message(["address": "https://x/s", "lock_method": "LO CK"]).contains("not an HTTP method"))
    XCTAssertTrue(
      message(["address": "https://x/s", "adress": "y"]).contains("\"adress\" is not expected"))
    XCTAssertTrue(
      message(["address": "https://x/s", "client_certificate_pem": "PEM"]).contains("not supported")
    )
  }

  func testCredentialsInTheAddressAreRefusedWithoutEchoingThem() {
    XCTAssertThrowsError(
      try HTTPBackendSettings.resolve(
        attributes: ["address": "https://me:hunter2-secret@x/s"], environment: [:])
    ) { error in
      XCTAssertFalse(String(describing: error).contains("hunter2-secret"))
      XCTAssertTrue(String(describing: error).contains("user name or password"))
    }
  }

  func testDisplayAddressDropsQueryAndCredentials() throws {
    let url = try XCTUnwrap(URL(string: "https://x.example.com/state?ID=abc#frag"))
    XCTAssertEqual(HTTPBackendSettings.display(url), "https://x.example.com/state")
  }

  func testSettingsNeverShowThePassword() throws {
    let settings = try HTTPBackendSettings.resolve(
      attributes: ["address": "https://x/s", "password": "p4ssw0rd-value"], environment: [:])
    XCTAssertFalse(String(describing: settings).contains("p4ssw0rd-value"))
    XCTAssertFalse(String(reflecting: settings).contains("p4ssw0rd-value"))
  }

  func testSkipCertVerificationIsRefusedByThePlatformTransport() throws {
    let settings = try HTTPBackendSettings.resolve(
      attributes: ["address": "https://x/s", "skip_cert_verification": "true"], environment: [:])
    XCTAssertTrue(settings.skipCertVerification)
    XCTAssertThrowsError(try HTTPStateBackend(settings: settings, writerVersion: "0.0.0-test")) {
      error in
      XCTAssertTrue(
        String(describing: error).contains("skip_cert_verification = true is not supported"))
    }
  }
}
