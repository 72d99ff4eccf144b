import Foundation
import XCTest

@testable import GitformCore

/// The refresh reports each object's read as it begins and ends, against the emulator: the
/// list of objects first, then one start and one end per object, batched reads included.
final class RefreshEventTests: XCTestCase {
  private var fixture: EmulatorFixture!
  private var context: ResourceContext!

  override func setUpWithError() throws {
    fixture = try EmulatorFixture()
    context = ResourceContext(client: fixture.client, now: GitLabJSON.parseTimestamp("2026-06-01T12:00:00Z") ?? Date())
  }

  override func tearDownWithError() throws { fixture?.stop() }

  private final class Recorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [RefreshEvent] = []
    func add(_ event: RefreshEvent) { lock.withLock { recorded.append(event) } }
    var events: [RefreshEvent] { lock.withLock { recorded } }
  }

  private func address(_ index: Int) -> InstanceAddress {
    InstanceAddress(resource: ResourceAddress(type: "user_token", name: "t"), key: .int(index))
  }

  func testEveryObjectIsAnnouncedThenStartedBeforeItFinishes() throws {
    let owners = [try fixture.createUser("alice"), try fixture.createUser("bob")]
    let type = UserToken()
    var state = StateSnapshot()
    for index in 0..<12 {
      let planned = Value.object(type.schema, [
        "user_id": .number(owners[index % 2]), "name": .string("t\(index)"), "scopes": .stringSet(["api"]),
        "description": .string(""), "expires_at": .string("2026-12-01"),
      ])
      state.objects[address(index)] = StateObject(value: try type.create(planned, context: context))
    }
    // A create whose answer was lost: read too (adopted or forgotten), without an id to show.
    let lost = Value.object(type.schema, [
      "user_id": .number(owners[0]), "name": .string("lost"), "scopes": .stringSet(["api"]),
      "description": .string(""), "expires_at": .string("2026-12-01"),
    ])
    state.objects[address(12)] = StateObject(value: lost, pending: true)
    let recorder = Recorder()
    let outcome = Refresher(context: context, parallelism: 4, observe: { recorder.add($0) }).refresh(state)
    XCTAssertEqual(outcome.diagnostics, [])
    let events = recorder.events
    let all = (0...12).map(address).sorted()
    XCTAssertEqual(events.first, .reading(all))
    for target in all {
      let starts = events.indices.filter {
        if case .started(target, _) = events[$0] { return true } else { return false }
      }
      let ends = events.indices.filter { events[$0] == .finished(target) }
      XCTAssertEqual(starts.count, 1, "\(target): \(events)")
      XCTAssertEqual(ends.count, 1, "\(target): \(events)")
      if let start = starts.first, let end = ends.first { XCTAssertLessThan(start, end, "\(target)") }
    }
    // The id shown is the one the state holds, as `Refreshing state... [id=...]` prints it.
    let first = try XCTUnwrap(state.objects[address(0)]?.value)
    XCTAssertTrue(events.contains(.started(address(0), id: "\(owners[0]):\(first.int("token_id") ?? -1)")), "\(events)")
    XCTAssertTrue(events.contains(.started(address(12), id: nil)), "\(events)")
  }

  func testOnlyTheTargetedScopeIsAnnounced() throws {
    let owner = try fixture.createUser("carol")
    let type = UserToken()
    var state = StateSnapshot()
    for index in 0..<3 {
      let planned = Value.object(type.schema, [
        "user_id": .number(owner), "name": .string("t\(index)"), "scopes": .stringSet(["api"]),
        "description": .string(""), "expires_at": .string("2026-12-01"),
      ])
      state.objects[address(index)] = StateObject(value: try type.create(planned, context: context))
    }
    let recorder = Recorder()
    _ = Refresher(context: context, parallelism: 2, observe: { recorder.add($0) }).refresh(state, only: [address(1)])
    let events = recorder.events
    XCTAssertEqual(events.count, 3, "\(events)")
    XCTAssertEqual(events.first, .reading([address(1)]))
    XCTAssertEqual(events.last, .finished(address(1)))
  }
}
