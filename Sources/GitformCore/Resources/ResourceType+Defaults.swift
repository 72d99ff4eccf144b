import Foundation

/// What a type that says nothing gets: no secret, no rotation, no expiry, nothing to adopt.
/// Token kinds get theirs from `AccessTokenType`.
extension ResourceType {
  public var requiresAdministrator: Bool { false }
  public var createsBeforeDestroying: Bool { false }
  public var computedChangedByUpdate: Set<String> { [] }
  public var configOnlyAttributes: Set<String> { [] }
  public var secret: SecretAttribute? { nil }
  public var rotatesOnUpdate: Bool { false }
  public func validate(_ config: Value, ranges: AttributeRanges) -> [Diagnostic] { [] }
  public func replacementReason(prior: Value, config: Value, today: CalendarDate) -> ActionReason? { nil }
  public func unrenewable(prior: Value, config: Value, today: CalendarDate) -> Unrenewable? { nil }
  public func rotation(prior: Value, config: Value, today: CalendarDate) -> PlannedRotation? { nil }
  public func plannedNew(_ planned: Value, config: Value, today: CalendarDate) -> Value { planned }
  public func rotationBase(_ prior: Value) -> Value { prior }
  public func planDiagnostics(
    _ change: ResourceChange, ranges: AttributeRanges, context: ResourceContext
  ) -> [Diagnostic] { [] }
  public func configurationWarnings(_ resource: ResourceAddress, body: Body) -> [Diagnostic] { [] }
  public func changeWarnings(_ change: ResourceChange, context: ResourceContext) -> [Diagnostic] { [] }
  public func createBeforeDestroyProblem(prior: Value, planned: Value) -> String? { nil }
  public func expiry(of object: Value, config: Value?) -> ExpiryFacts? { nil }
  public func expiryListing(of object: Value) -> ExpiryListing? { nil }
  public func equivalent(
    _ attribute: String, configured: Value, prior: Value, context: ResourceContext
  ) -> Bool { false }
  public func refreshKey(of prior: Value) -> String? { nil }
  public func owner(of planned: Value) -> ObjectOwner? { nil }
  public func claim(of planned: Value) -> ObjectClaim? {
    let value = planned[attribute: "id"]
    guard value.isKnown, !value.containsSensitive, let id = value.stringValue, !id.isEmpty else { return nil }
    return ObjectClaim(owner: nil, name: id, description: "the \(name) with id \(Value.quoted(id))")
  }
  public func importMismatch(_ partial: Value, read object: Value?, context: ResourceContext) throws -> String? {
    nil
  }
  public func importRefusal(_ object: Value) -> String? { nil }
  public func readAll(_ priors: [Value], context: ResourceContext) throws -> [Value?] {
    try priors.map { try read($0, context: context) }
  }
  public func findCreated(_ pending: Value, claimed: Set<String>, context: ResourceContext) throws -> Value? {
    nil
  }
  public func adopted(_ found: Value, pending: Value) -> Value { found }
  public func intentToCreate(_ planned: Value, at now: Date) -> Value { planned }
}
