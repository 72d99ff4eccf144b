/// The plan text of `moved` and `removed` blocks' effects, in Terraform's layout.
extension PlanRenderer {
  /// A moved object nothing else happens to: `# OLD has moved to NEW`, then the object as it is.
  func renderMove(_ change: ResourceChange, from previous: ResourceInstanceAddress) -> String {
    var text = "  " + symbols.bold("# \(previous)") + " has moved to " + symbols.bold("\(change.address)") + "\n"
    text += "    resource \"\(change.address.resource.type)\" \"\(change.address.resource.name)\" {\n"
    return text + unchangedBody(change) + "    }\n"
  }

  /// `removed` with `destroy = false`. Terraform indents these comment lines by one space and
  /// draws a two-column symbol; the layout is kept so the plans read alike.
  func renderForget(_ change: ResourceChange) -> String {
    let address = change.address
    var text = " " + symbols.bold("# \(address)") + " will no longer be managed by gitform, but will not be destroyed\n"
    if let reason = change.reason { text += " # (\(ActionReasonText.words(reason)))\n" }
    text += symbols.symbol(.forget) + " resource \"\(address.resource.type)\" \"\(address.resource.name)\" {\n"
    return text + unchangedBody(change) + "    }\n"
  }

  /// `-refresh-only`: what changed outside gitform, or that nothing did.
  func renderRefreshOnly(_ plan: Plan) -> String {
    guard plan.drift.isEmpty else { return renderDrift(plan.drift, refreshOnly: true) }
    return "\n" + symbols.bold("No changes.") + " Your infrastructure still matches the configuration.\n\n"
      + wrap("gitform has checked that the real remote objects still match the result of your most recent changes, and found no differences.")
  }

  private func unchangedBody(_ change: ResourceChange) -> String {
    guard let schema = PlanRenderer.schema(of: change.address) else { return "" }
    let value = change.before ?? change.after
    return ObjectDiffRenderer(schema: schema, replacePaths: [], symbols: symbols).render(before: value, after: value)
  }
}
