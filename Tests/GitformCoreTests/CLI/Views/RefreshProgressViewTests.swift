import Foundation
import XCTest

@testable import GitformCore

/// Refresh lines come out in address order whatever order the reads begin in, each as soon as
/// every earlier address has begun.
final class RefreshProgressViewTests: XCTestCase {
  private final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    func add(_ line: String) { lock.withLock { text += line } }
    var value: String { lock.withLock { text } }
  }

  private func address(_ name: String) -> InstanceAddress {
    InstanceAddress(resource: ResourceAddress(type: "user_token", name: name), key: nil)
  }

  func testLinesWaitOnlyForEarlierAddresses() {
    let lines = Lines()
    let view = RefreshProgressView(write: { lines.add($0) })
    view.observe(.reading([address("a"), address("b"), address("c")]))
    // a and c share an owner's list request; b's owner is read by another worker.
    view.observe(.started(address("a"), id: "2:1"))
    view.observe(.started(address("c"), id: "2:3"))
    XCTAssertEqual(lines.value, "user_token.a: Refreshing state... [id=2:1]\n")
    view.observe(.finished(address("a")))
    view.observe(.finished(address("c")))
    XCTAssertEqual(lines.value, "user_token.a: Refreshing state... [id=2:1]\n")
    view.observe(.started(address("b"), id: nil))
    XCTAssertEqual(
      lines.value,
      "user_token.a: Refreshing state... [id=2:1]\nuser_token.b: Refreshing state...\nuser_token.c: Refreshing state... [id=2:3]\n")
  }

  func testConcurrentStartsPrintEveryLineOnceInOrder() {
    let lines = Lines()
    let view = RefreshProgressView(write: { lines.add($0) })
    let addresses = (0..<200).map { address("t\(String(format: "%03d", $0))") }
    view.observe(.reading(addresses))
    DispatchQueue.concurrentPerform(iterations: addresses.count) { index in
      view.observe(.started(addresses[addresses.count - 1 - index], id: "\(index)"))
    }
    let printed = lines.value.split(separator: "\n").map { String($0.prefix { $0 != ":" }) }
    XCTAssertEqual(printed, addresses.map(\.description))
  }
}
