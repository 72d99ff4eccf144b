import XCTest

@testable import GitformCore

/// Terraform's plan layout for what the end-to-end golden files do not show: nested attributes,
/// deletes of counted instances, output changes only.
final class PlanRendererTests: XCTestCase {
  private let type = UserToken()

  private func plan(_ changes: [ResourceChange], outputs: [OutputChange] = []) -> Plan {
    Plan(
      changes: changes, drift: [], outputChanges: outputs, isDestroy: false, warnings: [],
      priorState: StateSnapshot(), outputs: [:])
  }

  func testNestedAttributeAndCountedDelete() {
    let after = InstancePlanner(type: type, context: nil, today: CalendarDate(year: 2026, month: 6, day: 1)!)
      .planned(
        Value.object(type.schema, [
          "user_id": .number(2), "name": .string("bot"), "scopes": .stringSet(["api"]),
          "rotation_configuration": .object(["expiration_days": .number(30), "rotate_before_days": .number(7)]),
        ]), prior: nil, lifecycle: Lifecycle())
    let address = InstanceAddress(resource: ResourceAddress(type: "user_token", name: "bot"))
    let gone = InstanceAddress(resource: ResourceAddress(type: "user_token", name: "old"), key: .int(1))
    let before = Value.object(type.schema, [
      "user_id": .number(2), "name": .string("old"), "scopes": .stringSet(["read_api"]), "id": .string("2:9"),
      "token": Value.string("secret-value").marked(sensitive: true),
    ])
    let text = PlanRenderer().render(plan([
      ResourceChange(address: address, action: .create, before: nil, after: after),
      ResourceChange(address: gone, action: .delete, reason: .countIndexOutOfRange(index: 1), before: before, after: nil),
    ]))
    XCTAssertEqual(
      text,
      """

      gitform used the selected providers to generate the following execution plan.
      Resource actions are indicated with the following symbols:
        + create
        - destroy

      gitform will perform the following actions:

        # user_token.bot will be created
        + resource "user_token" "bot" {
            + active                 = (known after apply)
            + created_at             = (known after apply)
            + description            = ""
            + expires_at             = (known after apply)
            + id                     = (known after apply)
            + name                   = "bot"
            + revoked                = (known after apply)
            + rotation_configuration = {
                + expiration_days    = 30
                + rotate_before_days = 7
              }
            + scopes                 = [
                + "api",
              ]
            + token                  = (sensitive value)
            + token_id               = (known after apply)
            + user_id                = 2
          }

        # user_token.old[1] will be destroyed
        # (because index [1] is out of range for count)
        - resource "user_token" "old" {
            - id      = "2:9" -> null
            - name    = "old" -> null
            - scopes  = [
                - "read_api",
              ] -> null
            - token   = (sensitive value) -> null
            - user_id = 2 -> null
          }

      Plan: 1 to add, 0 to change, 1 to destroy.

      """)
    XCTAssertFalse(text.contains("secret-value"))
  }

  /// Rendered as Terraform renders a nested attribute (checked with terraform 1.11 on an
  /// object): a changed one diffs inside its braces, a removed one ends in `} -> null`.
  func testNestedAttributeChangedAndRemoved() {
    func object(_ rotation: Value) -> Value {
      Value.object(type.schema, [
        "user_id": .number(2), "name": .string("bot"), "scopes": .stringSet(["api"]), "id": .string("2:9"),
        "expires_at": .string("2026-07-01"), "rotation_configuration": rotation,
      ])
    }
    let days = { (a: Int, b: Int) in
      Value.object(["expiration_days": .number(Decimal(a)), "rotate_before_days": .number(Decimal(b))])
    }
    let renderer = ObjectDiffRenderer(schema: type.schema, replacePaths: [], symbols: PlanSymbols(color: false))
    XCTAssertEqual(
      renderer.render(before: object(days(30, 7)), after: object(days(60, 7))),
      """
              id                     = "2:9"
              name                   = "bot"
            ~ rotation_configuration = {
                ~ expiration_days    = 30 -> 60
                  # (1 unchanged attribute hidden)
              }
              # (3 unchanged attributes hidden)

      """)
    let removed = renderer.render(before: object(days(30, 7)), after: object(.null(days(1, 1).type)))
    XCTAssertTrue(
      removed.contains(
        """
              - rotation_configuration = {
                  - expiration_days    = 30
                  - rotate_before_days = 7
                } -> null

        """), removed)
  }

  func testOnlyOutputsChange() {
    let text = PlanRenderer().render(plan([], outputs: [OutputChange(name: "greeting", action: .create, before: nil, after: .string("hi"))]))
    XCTAssertEqual(
      text,
      """

      Changes to Outputs:
        + greeting = "hi"

      You can apply this plan to save these new output values to the gitform state,
      without changing any real infrastructure.

      """)
  }

  /// Strings in the plan are quoted as Go's `%q`, which Terraform's renderer uses: DEL as
  /// `\x7f`, C1 controls and other characters that are not printable as `\u0080`. The text is
  /// what `terraform plan` prints for the same outputs.
  func testStringsAreQuotedAsTerraformsPlanQuotesThem() {
    let text = PlanRenderer().render(plan([], outputs: [
      OutputChange(
        name: "a", action: .create, before: nil,
        after: .string("x\u{7F}y\u{80}z\u{9F}\u{A0}w\u{01}v\u{200B}q\u{2028}<>&")),
      OutputChange(
        name: "m", action: .create, before: nil,
        after: .object(["k": .string("v\u{85}")])),
    ]))
    XCTAssertTrue(text.contains(#"  + a = "x\x7fy\u0080z\u009f\u00a0w\x01v\u200bq\u2028<>&""# + "\n"), text)
    XCTAssertTrue(text.contains(#"      + k = "v\u0085""# + "\n"), text)
  }
}
