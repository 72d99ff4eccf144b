import XCTest

@testable import GitformCore

/// GitLab's answers the emulator cannot be made to give on demand (job tokens, the allowlist,
/// 413, a state being deleted, redirects), each explained — with a scripted transport.
final class GitLabStateAnswersTests: XCTestCase {
  private let jobToken = "glcbt-64_job-token-secret-value"

  private func backend(
    _ answers: [FakeBackendTransport.Answer], ci: Bool = true
  ) throws -> HTTPStateBackend {
    let environment =
      ci
      ? [
        "CI_JOB_TOKEN": jobToken, "CI_API_V4_URL": "https://gitlab.example.com/api/v4",
        "CI_PROJECT_ID": "77",
      ]
      : [
        "GITLAB_TOKEN": "glpat-personal-secret-value",
        "GITLAB_BASE_URL": "https://gitlab.example.com",
      ]
    let settings = try GitLabStateSettings.resolve(
      attributes: ci ? ["name": "prod"] : ["project": "team/app", "name": "prod"],
      providerBaseURL: nil,
      providerToken: nil, environment: environment)
    return try HTTPStateBackend(
      settings: settings, writerVersion: "0.9.0-test", transport: FakeBackendTransport(answers),
      sleep: { _ in })
  }

  private func error(_ body: () throws -> Void) -> BackendError? {
    do {
      try body()
    } catch let error as BackendError {
      XCTAssertFalse(error.description.contains(jobToken))
      XCTAssertFalse(error.description.contains("glpat-personal-secret-value"))
      return error
    } catch {
      XCTFail("unexpected \(error)")
    }
    XCTFail("expected an error")
    return nil
  }

  private func info() -> LockInfo {
    LockInfo(operation: LockInfo.apply, version: "0.9.0-test", path: "")
  }

  func testAJobTokenThatIsRefusedIsExplained() throws {
    let backend = try self.backend([
      FakeBackendTransport.status(401, #"{"message":"401 Unauthorized"}"#)
    ])
    let failure = try XCTUnwrap(error { _ = try backend.pull() })
    XCTAssertEqual(failure.code, .unauthorized)
    XCTAssertTrue(
      failure.detail.contains("did not accept the CI job token (sent as gitlab-ci-token)"),
      failure.detail)
    XCTAssertTrue(failure.detail.contains("valid only while its job runs"), failure.detail)
  }

  func testAJobTokenOutsideTheAllowlistIsExplained() throws {
    let body =
      #"{"message":"403 Forbidden - Authentication by CI/CD job token not allowed from infra to app."}"#
    let backend = try self.backend([FakeBackendTransport.status(403, body)])
    let failure = try XCTUnwrap(error { _ = try backend.tryLock(self.info()) })
    XCTAssertEqual(failure.code, .forbidden)
    XCTAssertTrue(failure.detail.contains("not allowed from infra to app"), failure.detail)
    XCTAssertTrue(failure.detail.contains("inbound job token allowlist of 77"), failure.detail)
  }

  func testADeveloperRunningTheJobIsToldTheRoleNeeded() throws {
    let backend = try self.backend([
      FakeBackendTransport.status(403, #"{"message":"403 Forbidden"}"#)
    ])
    let failure = try XCTUnwrap(error { try backend.push(Array("{\"serial\":1}".utf8)) })
    XCTAssertTrue(
      failure.detail.contains(
        "To write the state GitLab needs the Maintainer role on 77 for the user who runs this CI job"
      ),
      failure.detail)
  }

  func testAnExpiredTokenIsExplained() throws {
    let body =
      #"{"error":"invalid_token","error_description":"Token is expired. You can either do re-authorization or token refresh."}"#
    let backend = try self.backend([FakeBackendTransport.status(401, body)], ci: false)
    let failure = try XCTUnwrap(error { _ = try backend.pull() })
    XCTAssertTrue(failure.detail.contains("invalid_token: Token is expired."), failure.detail)
    XCTAssertTrue(
      failure.detail.contains("is no longer valid; create a new one with the api scope"),
      failure.detail)
  }

  func testTooLargeDeletedAndRedirectedAnswersAreExplained() throws {
    var backend = try self.backend(
      [FakeBackendTransport.status(413, #"{"message":"413 Request Entity Too Large"}"#)], ci: false)
    var failure = try XCTUnwrap(error { try backend.push(Array("{\"serial\":1}".utf8)) })
    XCTAssertEqual(failure.code, .tooLarge)
    XCTAssertTrue(failure.detail.contains("max_terraform_state_size_bytes"), failure.detail)

    backend = try self.backend(
      [
        FakeBackendTransport.status(
          422, #"{"message":"Terraform::RemoteStateHandler::StateDeletedError"}"#)
      ], ci: false)
    failure = try XCTUnwrap(error { _ = try backend.pull() })
    XCTAssertEqual(failure.code, .deleted)

    backend = try self.backend(
      [FakeBackendTransport.status(422, #"{"message":"No serial in payload"}"#)], ci: false)
    failure = try XCTUnwrap(error { try backend.push(Array("{}".utf8)) })
    XCTAssertEqual(failure.code, .invalidState)

    backend = try self.backend(
      [
        FakeBackendTransport.status(
          301, "moved",
          headers: [
            "Location": "https://gitlab.example.com/api/v4/projects/9/terraform/state/prod?x=1"
          ])
      ],
      ci: false)
    failure = try XCTUnwrap(error { _ = try backend.pull() })
    XCTAssertTrue(
      failure.detail.contains(
        "redirects to https://gitlab.example.com/api/v4/projects/9/terraform/state/prod."),
      failure.detail)
  }
}
