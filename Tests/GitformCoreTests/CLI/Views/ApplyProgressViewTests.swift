import Foundation
import XCTest

@testable import GitformCore

/// Apply progress lines are Terraform's words, each written whole even when the applier's
/// workers report at the same moment.
final class ApplyProgressViewTests: XCTestCase {
  private final class Written: @unchecked Sendable {
    private let lock = NSLock()
    private var chunks: [String] = []
    func add(_ chunk: String) { lock.withLock { chunks.append(chunk) } }
    var all: [String] { lock.withLock { chunks } }
  }

  private func event(_ name: String, _ kind: ApplyEvent.Kind, _ operation: ApplyOperation, id: String? = nil) -> ApplyEvent {
    ApplyEvent(
      address: InstanceAddress(resource: ResourceAddress(type: "user_token", name: name), key: nil),
      operation: operation, kind: kind, id: id, deposed: nil)
  }

  func testTerraformsWordsForEachKindOfEvent() {
    let written = Written()
    let view = ApplyProgressView(write: { written.add($0) })
    view.observe(event("a", .started, .create, id: "2:1"))
    view.observe(event("a", .completed(seconds: 61), .create, id: "2:1"))
    view.observe(event("b", .running(seconds: 10), .update, id: "2:2"))
    view.observe(event("c", .completed(seconds: 0), .delete, id: "2:3"))
    view.observe(event("d", .failed, .update))
    XCTAssertEqual(written.all, [
      "user_token.a: Creating...\n",
      "user_token.a: Creation complete after 1m1s [id=2:1]\n",
      "user_token.b: Still modifying... [id=2:2, 00m10s elapsed]\n",
      "user_token.c: Destruction complete after 0s\n",
      "user_token.d: Modifications failed\n",
    ])
  }

  func testConcurrentEventsAreWrittenAsWholeLines() {
    let written = Written()
    let view = ApplyProgressView(write: { written.add($0) })
    DispatchQueue.concurrentPerform(iterations: 100) { index in
      view.observe(event("t\(index)", .started, .delete, id: "\(index)"))
    }
    let lines = written.all
    XCTAssertEqual(lines.count, 100)
    XCTAssertEqual(Set(lines), Set((0..<100).map { "user_token.t\($0): Destroying... [id=\($0)]\n" }))
  }
}
