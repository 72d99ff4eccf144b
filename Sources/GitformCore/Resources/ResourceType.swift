import Foundation

/// Resources: one file per resource and data source type — schema, checks of configured
/// values, the GitLab calls that create, read, update, delete and import an object — and
/// everything the engine needs to know about a kind of object, behind `ResourceType`.
///
/// For: turning an instance's attribute values (an object `Value`) into GitLab requests and
/// GitLab's answers back into attribute values; and answering the engine's questions about a
/// type — which attribute holds a secret GitLab sends once, whether an update rotates it, when a
/// rotation or replacement is due and why (`ActionReason`), what a lost answer made and how to
/// adopt it, what an import id names, what expires when. Token kinds share theirs through
/// `AccessTokenType`. Not for: deciding *whether* to change something (Plan/), ordering or
/// persisting changes (Apply/, State/), reading HCL (Config/) or wording anything for a terminal
/// (CLI/Views). Nothing here prints. A token value enters an object only from a create or
/// rotate answer; `read` copies it from the prior object and never from GitLab, which never
/// returns it. Adding a type is a file here, its GitLab calls in GitLab/, and a line in
/// `ResourceCatalog.standard`: Plan/, Apply/ and CLI/ never name a type or its attributes.

/// A kind of GitLab object gitform manages: `user_token`, `project_variable`, ...
///
/// Objects are `Value` objects of `schema.objectType`. Operations run on the apply's worker
/// threads, so implementations keep no mutable state.
public protocol ResourceType: Sendable {
  /// The configuration name: `resource "NAME" "label"`.
  var name: String { get }
  var schema: ResourceSchema { get }
  /// One paragraph for the README and the plan's notes.
  var summary: String { get }
  /// True when only a GitLab administrator can manage it (checked before any change).
  var requiresAdministrator: Bool { get }
  /// The order of a replacement when `lifecycle.create_before_destroy` is not set: tokens make
  /// the new object first, so the variables carrying them never hold a revoked value.
  var createsBeforeDestroying: Bool { get }
  /// Computed attributes an in-place update gives new values (a rotation's new id and token);
  /// the plan shows them as "(known after apply)".
  var computedChangedByUpdate: Set<String> { get }
  /// Attributes that only steer gitform (`validate_past_expiration_date`): a change of them is
  /// recorded without a GitLab request and never makes a plan non-empty.
  var configOnlyAttributes: Set<String> { get }

  /// Checks of configured values the schema's types cannot express (scopes, dates, keys).
  /// `config` is converted to `schema.objectType`; unknown values are skipped.
  func validate(_ config: Value, ranges: AttributeRanges) -> [Diagnostic]

  /// The `[id=...]` of progress lines and the state's `id` attribute.
  func id(of object: Value) -> String

  /// The attribute holding a secret GitLab sends once (a token's value), or nil. The engine
  /// keeps it from the create or rotation answer, never reads it back, and treats an object
  /// whose secret was lost as still pending.
  var secret: SecretAttribute? { get }
  /// True when an in-place update makes a new secret (a token's rotation): the update's intent
  /// is recorded first, its lost answer recovered like a create's, and the plan calls it a rotation.
  var rotatesOnUpdate: Bool { get }

  /// Why an existing object must be replaced although the configuration did not change it
  /// (revoked or expired outside gitform), or nil. `today` is the plan's UTC day.
  func replacementReason(prior: Value, config: Value, today: CalendarDate) -> ActionReason?

  /// Why an object that is expired or revoked is nonetheless left as it is (a token's fixed
  /// `expires_at` has passed and nothing renews it), or nil. The plan warns with it.
  func unrenewable(prior: Value, config: Value, today: CalendarDate) -> Unrenewable?

  /// A rotation in place that is due although no configured attribute changed (its date has
  /// come, or its rotation days changed), or nil. `today` is the plan's UTC day.
  func rotation(prior: Value, config: Value, today: CalendarDate) -> PlannedRotation?
  /// The planned new object completed with what the type decides at plan time (a token's
  /// expiry from its rotation days), so apply asks GitLab for exactly what the plan showed.
  func plannedNew(_ planned: Value, config: Value, today: CalendarDate) -> Value
  /// The object an update that must rotate whatever the dates starts from (a token adopted
  /// without its value): the type's update then always rotates.
  func rotationBase(_ prior: Value) -> Value

  /// Errors and warnings about one planned change that only the type can judge (a token's
  /// expiry in the past or beyond GitLab's maximum lifetime), made before anything changes.
  func planDiagnostics(_ change: ResourceChange, ranges: AttributeRanges, context: ResourceContext) -> [Diagnostic]
  /// Warnings about how a resource block of this type is written (`timestamp()` in `expires_at`),
  /// given its address and its body as written.
  func configurationWarnings(_ resource: ResourceAddress, body: Body) -> [Diagnostic]
  /// Warnings about a planned change, from what the type knows of its consequences (deleting
  /// a user deletes what it owns) or what GitLab shows around the object (a revoked token whose
  /// newer siblings suggest automatic reuse detection).
  func changeWarnings(_ change: ResourceChange, context: ResourceContext) -> [Diagnostic]
  /// Why the new object cannot exist beside the old one (the same SSH key text, the same
  /// e-mail address), or nil: such a replacement deletes first, whatever the lifecycle asks.
  func createBeforeDestroyProblem(prior: Value, planned: Value) -> String?

  /// What expires when, for `gitform expiry`: nil when nothing of this object expires (or
  /// nothing was made yet). `config` is the configured object, when there is one.
  func expiry(of object: Value, config: Value?) -> ExpiryFacts?
  /// The GitLab listing of expiring objects beside this one that no resource may manage
  /// (`gitform expiry -all`), or nil.
  func expiryListing(of object: Value) -> ExpiryListing?

  /// True when two spellings of a configured attribute name the same thing (`project = 42`
  /// and `project = "group/app"`), so the change forces nothing.
  func equivalent(
    _ attribute: String, configured: Value, prior: Value, context: ResourceContext
  ) -> Bool

  /// Creates the object; returns its complete attributes, token value included.
  func create(_ planned: Value, context: ResourceContext) throws -> Value
  /// The object as GitLab has it now, or nil when it is gone (404). Never sets the token value.
  func read(_ prior: Value, context: ResourceContext) throws -> Value?
  /// Changes the object in place; only called for attributes that do not force replacement.
  func update(prior: Value, planned: Value, context: ResourceContext) throws -> Value
  /// Deletes (revokes) the object; an object already gone counts as deleted.
  func delete(_ prior: Value, context: ResourceContext) throws

  /// The minimal object an import id names (the owner and the id), for `read` to complete,
  /// or a message saying what the id should look like.
  func importObject(id: String) -> Result<Value, ImportIDError>
  /// Why the object an import id names is of another kind than this type (an impersonation
  /// token imported as a personal one, say), or nil; `object` is what `read` found for `partial`.
  func importMismatch(_ partial: Value, read object: Value?, context: ResourceContext) throws -> String?
  /// Why an object that exists cannot be adopted (a revoked token), or nil.
  func importRefusal(_ object: Value) -> String?

  /// Objects with the same key are refreshed together by `readAll` (one list per owner and
  /// page); nil means refresh alone with `read`.
  func refreshKey(of prior: Value) -> String?
  /// Refreshes objects sharing one `refreshKey`; the answer is parallel to `priors`.
  func readAll(_ priors: [Value], context: ResourceContext) throws -> [Value?]

  /// The project, group or user a new object of `planned` is made in, or nil (unknown, none).
  func owner(of planned: Value) -> ObjectOwner?
  /// The GitLab object `planned` owns, for refusing two instances that claim the same one;
  /// by default the object's id once known (an imported or existing token), else nil.
  func claim(of planned: Value) -> ObjectClaim?

  /// After an interrupted apply: the object GitLab made for a create whose answer was lost
  /// (`pending` holds what was asked for), or nil when GitLab made none. `claimed` are ids
  /// already taken by other objects of the state.
  func findCreated(_ pending: Value, claimed: Set<String>, context: ResourceContext) throws -> Value?
  /// The object found for a lost answer, completed from what the state recorded before the
  /// request (`pending`): a rotation that never happened keeps the old secret.
  func adopted(_ found: Value, pending: Value) -> Value
  /// What the state records, before a create is sent, as the object being created: `planned`
  /// plus whatever helps `findCreated` tell GitLab's answer from older objects (a token's
  /// request time). `now` is the run's clock.
  func intentToCreate(_ planned: Value, at now: Date) -> Value
}

/// A data source: read-only, read at plan time from its configured arguments.
public protocol DataSourceType: Sendable {
  var name: String { get }
  var schema: ResourceSchema { get }
  var summary: String { get }
  func validate(_ config: Value, ranges: AttributeRanges) -> [Diagnostic]
  /// The complete object for `config`; throws `GitLabError` (`.notFound` when there is none).
  func read(_ config: Value, context: ResourceContext) throws -> Value
}

extension DataSourceType {
  public func validate(_ config: Value, ranges: AttributeRanges) -> [Diagnostic] { [] }
}

/// An import id that does not have the form a type expects.
public struct ImportIDError: Error, Equatable, Sendable {
  public var message: String
  public init(_ message: String) { self.message = message }
}
