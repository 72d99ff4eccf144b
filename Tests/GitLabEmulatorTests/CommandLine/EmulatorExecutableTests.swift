import Foundation
import XCTest

@testable import GitLabEmulator

/// The built `gitlab-emulator` binary as a subprocess: ready line, serving, signals, exit codes.
final class EmulatorExecutableTests: XCTestCase {
  /// The binary sits next to the test bundle in the build directory (`.build/debug`).
  private func executableURL() throws -> URL {
    let candidates = [
      Bundle.main.bundleURL.appendingPathComponent("gitlab-emulator"),
      Bundle(for: EmulatorExecutableTests.self).bundleURL.deletingLastPathComponent()
        .appendingPathComponent("gitlab-emulator"),
      URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".build/debug/gitlab-emulator"),
    ]
    let found = candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    return try XCTUnwrap(found, "gitlab-emulator not built; looked at \(candidates.map(\.path))")
  }

  /// Starts the binary with stdout and stderr piped.
  private func launch(_ arguments: [String]) throws -> (Process, Pipe, Pipe) {
    let process = Process()
    process.executableURL = try executableURL()
    process.arguments = arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    return (process, output, errors)
  }

  /// Waits (at most ten seconds) for the process to exit.
  private func waitForExit(_ process: Process, file: StaticString = #filePath, line: UInt = #line) {
    let deadline = Date().addingTimeInterval(10)
    while process.isRunning && Date() < deadline { usleep(10_000) }
    if process.isRunning {
      process.interrupt()
      XCTFail("gitlab-emulator did not exit", file: file, line: line)
    }
    process.waitUntilExit()
  }

  /// Reads stdout up to and including the first newline, at most ten seconds.
  private func readLine(_ pipe: Pipe) -> String {
    let result = LineBox()
    let done = DispatchSemaphore(value: 0)
    Thread {
      var bytes = Data()
      while !bytes.contains(UInt8(ascii: "\n")) {
        let chunk = pipe.fileHandleForReading.availableData
        if chunk.isEmpty { break }
        bytes += chunk
      }
      result.text = String(decoding: bytes, as: UTF8.self)
      done.signal()
    }.start()
    _ = done.wait(timeout: .now() + 10)
    return result.text
  }

  func testPrintsTheReadyLineServesTheAPIAndStopsOnSIGTERM() throws {
    let (process, output, _) = try launch(["-port", "0", "--root-token=glpat-subprocess-root"])
    let line = readLine(output)
    let prefix = "gitlab-emulator listening on http://127.0.0.1:"
    XCTAssertTrue(line.hasPrefix(prefix) && line.hasSuffix("\n"), line)
    let port = try XCTUnwrap(Int(line.dropFirst(prefix.count).dropLast()), line)

    let connection = try RawConnection(port: port)
    let response = try connection.readResponseTo(
      "GET /api/v4/user HTTP/1.1\r\nHost: 127.0.0.1\r\nPRIVATE-TOKEN: glpat-subprocess-root\r\n\r\n")
    XCTAssertEqual(response.status, 200)
    let user = try XCTUnwrap(
      JSONSerialization.jsonObject(with: response.body) as? [String: Any], response.bodyText)
    XCTAssertEqual(user["id"] as? Int, 1)
    XCTAssertEqual(user["username"] as? String, "root")
    XCTAssertEqual(user["is_admin"] as? Bool, true)

    process.terminate()  // SIGTERM
    waitForExit(process)
    XCTAssertEqual(process.terminationReason, .exit)
    XCTAssertEqual(process.terminationStatus, 0)
    XCTAssertEqual(output.fileHandleForReading.readDataToEndOfFile(), Data())  // one line only
  }

  func testStopsOnSIGINT() throws {
    let (process, output, _) = try launch([])
    XCTAssertTrue(readLine(output).hasPrefix("gitlab-emulator listening on http://127.0.0.1:"))
    process.interrupt()  // SIGINT
    waitForExit(process)
    XCTAssertEqual(process.terminationReason, .exit)
    XCTAssertEqual(process.terminationStatus, 0)
  }

  func testHelpPrintsUsageAndExitsZero() throws {
    let (process, output, _) = try launch(["-help"])
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    waitForExit(process)
    XCTAssertEqual(process.terminationStatus, 0)
    XCTAssertEqual(text, EmulatorCommandLine.usage)
  }

  func testABadFlagExitsOneWithTheReasonOnStderr() throws {
    let (process, output, errors) = try launch(["-port", "web"])
    let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    waitForExit(process)
    XCTAssertEqual(process.terminationStatus, 1)
    XCTAssertEqual(
      text,
      "gitlab-emulator: invalid value \"web\" for flag -port: must be a whole number from 0 to 65535\n"
        + "Run 'gitlab-emulator -help' for usage.\n")
    XCTAssertEqual(output.fileHandleForReading.readDataToEndOfFile(), Data())
  }

  func testADefaultRootTokenOnAnOpenAddressExitsOne() throws {
    let (process, output, errors) = try launch(["-host", "0.0.0.0"])
    let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    waitForExit(process)
    XCTAssertEqual(process.terminationStatus, 1)
    XCTAssertTrue(
      text.hasPrefix("gitlab-emulator: refusing to listen on 0.0.0.0 with the well-known default root token"),
      text)
    XCTAssertEqual(output.fileHandleForReading.readDataToEndOfFile(), Data())
  }

  func testAPortInUseExitsOne() throws {
    let taken = try HTTPServer(host: "127.0.0.1", port: 0, handler: EchoHandler())
    defer { taken.stop() }
    let (process, _, errors) = try launch(["-port", "\(taken.port)"])
    let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    waitForExit(process)
    XCTAssertEqual(process.terminationStatus, 1)
    XCTAssertEqual(
      text, "gitlab-emulator: bind 127.0.0.1:\(taken.port): Address already in use\n")
  }
}

/// Carries the line read on another thread back to the test.
private final class LineBox: @unchecked Sendable {
  var text = ""
}
