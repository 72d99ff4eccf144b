import Foundation
@testable import GitformCore

/// A resource type that lives in memory: what the engine is tested with when GitLab is beside
/// the point. `fake_secret` has a configured `name` (replacing), `note` (updated in place) and
/// `renew_before_days` (rotation settings only), and GitLab-like computed parts: an `id`, a
/// `secret` sent only by create and rotation, `valid_until` and `revoked`.
///
/// Every call goes to `FakeSecretStore`, which records it, so tests assert what the engine
/// asked the type to do, in order.
struct FakeSecretType: ResourceType {
  let store: FakeSecretStore
  let name = "fake_secret"
  let summary = "An in-memory secret for engine tests."
  var createsBeforeDestroying: Bool { true }
  var computedChangedByUpdate: Set<String> { ["secret", "valid_until"] }
  var configOnlyAttributes: Set<String> { ["renew_before_days"] }
  var secret: SecretAttribute? { SecretAttribute(name: "secret", noun: "secret") }
  var rotatesOnUpdate: Bool { true }

  let schema = ResourceSchema(attributes: [
    AttributeSchema("name", .string, .required, forcesReplacement: true),
    AttributeSchema("note", .string, .optional),
    AttributeSchema("renew_before_days", .number, .optional),
    AttributeSchema("id", .string, .computed),
    AttributeSchema("secret", .string, .computed, sensitive: true),
    AttributeSchema("valid_until", .string, .computed),
    AttributeSchema("revoked", .bool, .computed),
  ])

  /// How long a secret is valid, from the day it is made.
  static let lifetimeDays = 30

  func id(of object: Value) -> String { object.string("id") ?? "" }

  func replacementReason(prior: Value, config: Value, today: CalendarDate) -> ActionReason? {
    prior.bool("revoked") == true ? .revokedOutside : nil
  }

  func rotation(prior: Value, config: Value, today: CalendarDate) -> PlannedRotation? {
    guard let days = config.int("renew_before_days"),
      let until = prior.string("valid_until").flatMap(CalendarDate.init), today >= until.adding(days: -days)
    else { return nil }
    return PlannedRotation(
      attributes: ["valid_until": .string(today.adding(days: FakeSecretType.lifetimeDays).description)],
      reason: .rotationDue(expiry: until, beforeDays: days))
  }

  func create(_ planned: Value, context: ResourceContext) throws -> Value {
    try store.create(planned, today: context.today)
  }

  func read(_ prior: Value, context: ResourceContext) throws -> Value? {
    store.read(id(of: prior)).map { $0.setting("secret", prior[attribute: "secret"]) }
  }

  func update(prior: Value, planned: Value, context: ResourceContext) throws -> Value {
    try store.update(id(of: prior), planned, rotate: prior.string("valid_until") != planned.string("valid_until"), today: context.today)
  }

  func delete(_ prior: Value, context: ResourceContext) throws {
    store.delete(id(of: prior))
  }

  func importObject(id: String) -> Result<Value, ImportIDError> {
    guard id.hasPrefix("f") else { return .failure(ImportIDError("expected an id like f1")) }
    return .success(Value.object(schema, ["id": .string(id)]))
  }

  func findCreated(_ pending: Value, claimed: Set<String>, context: ResourceContext) throws -> Value? {
    store.find(named: pending.string("name") ?? "", except: claimed)
  }
}

/// The fake type's "GitLab": objects by id, and a log of every operation.
final class FakeSecretStore: @unchecked Sendable {
  enum LostAnswer { case timedOut, connectionDropped }

  private let lock = NSLock()
  private var objects: [String: Value] = [:]
  private var made = 0
  private var operations: [String] = []
  /// When set, the next create is made but its answer is lost: a timeout (GitLab may still be
  /// working, so the engine must not look or send again in this run) or a dropped connection.
  var loseNextCreateAnswer: LostAnswer?

  /// Every operation so far: `create f1`, `update f1 rotate`, `delete f1`.
  var log: [String] { lock.withLock { operations } }
  var ids: [String] { lock.withLock { objects.keys.sorted() } }
  func object(_ id: String) -> Value? { lock.withLock { objects[id] } }

  func create(_ planned: Value, today: CalendarDate) throws -> Value {
    try lock.withLock {
      made += 1
      let id = "f\(made)"
      let object = planned.setting("id", .string(id)).setting("secret", .string("fake-secret-value-\(made)"))
        .setting("valid_until", .string(today.adding(days: FakeSecretType.lifetimeDays).description))
        .setting("revoked", .bool(false))
      objects[id] = object.setting("secret", .null(.string))
      operations.append("create \(id)")
      if let lost = loseNextCreateAnswer {
        loseNextCreateAnswer = nil
        var error = GitLabError(code: .outcomeUnknown, message: "no answer", request: "POST /fake")
        error.mayStillBeWorking = lost == .timedOut
        throw error
      }
      return object
    }
  }

  func read(_ id: String) -> Value? {
    lock.withLock {
      operations.append("read \(id)")
      return objects[id]
    }
  }

  func update(_ id: String, _ planned: Value, rotate: Bool, today: CalendarDate) throws -> Value {
    try lock.withLock {
      guard var object = objects[id] else { throw GitLabError(code: .notFound, message: "no fake_secret \(id)") }
      object = object.setting("note", planned[attribute: "note"])
      var answer = object
      if rotate {
        made += 1
        object = object.setting("valid_until", .string(today.adding(days: FakeSecretType.lifetimeDays).description))
        answer = object.setting("secret", .string("fake-secret-value-\(made)"))
      }
      objects[id] = object
      operations.append("update \(id)" + (rotate ? " rotate" : ""))
      return answer
    }
  }

  func delete(_ id: String) {
    lock.withLock {
      objects[id] = nil
      operations.append("delete \(id)")
    }
  }

  /// Marks an object revoked, as someone outside gitform would.
  func revoke(_ id: String) {
    lock.withLock { objects[id] = objects[id]?.setting("revoked", .bool(true)) }
  }

  func find(named name: String, except claimed: Set<String>) -> Value? {
    lock.withLock {
      operations.append("find \(name)")
      return objects.keys.sorted().compactMap { objects[$0] }.first { $0.string("name") == name && !claimed.contains($0.string("id") ?? "") }
    }
  }
}
