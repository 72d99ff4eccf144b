/// CLI/Views: everything gitform shows people and machines, worded in one place.
///
/// For: plan text and diffs (`PlanRenderer`, `ObjectDiffRenderer`), the JSON plan, the -json
/// UI stream and the merge-request summary, diagnostics as text and JSON, refresh and apply
/// progress lines (from the events the engine emits), the state, outputs, import, console and
/// graph text, and every ANSI colour code (`TerminalStyle`, `Palette`). A view is a pure
/// function of data (a plan, an event, a state, a value) to text; it reads no files, talks to
/// no server and decides no exit code.
///
/// Not for: deciding what happens (commands in CLI/ run the steps and choose exit codes; the
/// engine below never prints), nor the Diagnostic model itself (Diagnostics/). Texts that must
/// stay byte-identical to Terraform's or to the golden plans live here, so a wording change is
/// a change to one file.

/// Renders a `Plan` as Terraform's human plan text (reference §3.2–3.4), with gitform's name.
///
/// Sections, each only when it has content: the drift note, the legend of symbols, one block
/// per change (sorted by address) with its reason, the summary line, changes to outputs. An
/// empty plan renders the "No changes." text. Colour only when `color` is set.
public struct PlanRenderer {
  public var color: Bool
  /// Terraform wraps paragraphs at 78 columns off a terminal.
  public var width = 78

  public init(color: Bool = false) {
    self.color = color
  }

  var symbols: PlanSymbols { PlanSymbols(color: color) }

  public func render(_ plan: Plan) -> String {
    if plan.isRefreshOnly { return renderRefreshOnly(plan) }
    var text = ""
    let actions = plan.actions
    if !plan.drift.isEmpty && !plan.isEmpty {
      text += renderDrift(plan.drift)
    }
    if plan.isEmpty {
      return text + noChanges(destroy: plan.isDestroy)
    }
    if !actions.isEmpty {
      let symbolLines = legend(actions)
      if !symbolLines.isEmpty {
        text += "\n" + wrap(
          "gitform used the selected providers to generate the following execution plan. Resource actions are indicated with the following symbols:")
        text += symbolLines
      }
      text += "\ngitform will perform the following actions:\n"
      for change in actions {
        text += "\n" + renderChange(change)
      }
      text += "\n" + symbols.bold("Plan:") + " " + summary(plan) + "\n"
    }
    if !plan.outputChanges.isEmpty {
      text += "\nChanges to Outputs:\n"
      text += renderOutputs(plan.outputChanges)
      if actions.isEmpty {
        text += "\n" + wrap(
          "You can apply this plan to save these new output values to the gitform state, without changing any real infrastructure.")
      }
    }
    return text
  }

  /// `N to add, N to change, N to destroy.` (with `N to import, ` first when importing).
  public func summary(_ plan: Plan) -> String {
    var text = ""
    if plan.importCount > 0 { text += "\(plan.importCount) to import, " }
    return text + "\(plan.addCount) to add, \(plan.changeCount) to change, \(plan.destroyCount) to destroy."
  }

  public func noChanges(destroy: Bool) -> String {
    if destroy {
      return "\n" + symbols.bold("No changes.") + " No objects need to be destroyed.\n\n"
        + wrap("Either you have not created any objects yet or the existing objects were already deleted outside of gitform.")
    }
    return "\n" + symbols.bold("No changes.") + " Your infrastructure matches the configuration.\n\n"
      + wrap("gitform has compared your real infrastructure against your configuration and found no differences, so no changes are needed.")
  }

  private func legend(_ actions: [ResourceChange]) -> String {
    var text = ""
    let kinds = actions.map { ($0.action, $0.createBeforeDestroy) }
    if kinds.contains(where: { $0.0 == .create }) { text += symbols.symbol(.create) + " create\n" }
    if kinds.contains(where: { $0.0 == .delete }) { text += symbols.symbol(.delete) + " destroy\n" }
    if kinds.contains(where: { $0.0 == .update }) { text += symbols.symbol(.update) + " update in-place\n" }
    if kinds.contains(where: { $0.0 == .createThenDelete }) {
      text += symbols.symbol(.createThenDelete) + " create replacement and then destroy\n"
    }
    if kinds.contains(where: { $0.0 == .deleteThenCreate }) {
      text += symbols.symbol(.deleteThenCreate) + " destroy and then create replacement\n"
    }
    if kinds.contains(where: { $0.0 == .read }) { text += symbols.symbol(.read) + " read (data resources)\n" }
    return text
  }

  /// One change: comment lines, the resource line, attributes, closing brace.
  func renderChange(_ change: ResourceChange) -> String {
    let address = change.address
    var header: String
    switch change.action {
    case .create: header = "will be created"
    case .update: header = "will be updated in-place"
    case .delete: header = "will be destroyed"
    case .deleteThenCreate, .createThenDelete:
      switch change.reason {
      case .replaceByRequest?: header = "will be replaced, as requested"
      case .replaceByTriggers?: header = "will be replaced due to changes in replace_triggered_by"
      default: header = "must be replaced"
      }
    case .read: header = "will be read during apply"
    case .noOp: header = "will be imported"
    case .forget: return renderForget(change)
    }
    if change.action == .noOp, change.importID == nil, let previous = change.previousAddress {
      return renderMove(change, from: previous)
    }
    let shown = change.deposedKey.map { "\(address) (deposed object \($0))" } ?? address.description
    var text = "  " + symbols.bold("# \(shown)") + " \(header)\n"
    if let id = change.importID, change.action != .noOp {
      text += "  # (imported from \(StringQuoting.quote(id, .go)))\n"
    }
    if let reason = change.reason.map(ActionReasonText.words), change.reason != .replaceByRequest,
      change.reason != .replaceByTriggers
    {
      switch change.action {
      case .delete where change.deposedKey != nil: text += "  # (\(reason))\n"
      case .delete: text += "  # (because \(reason))\n"
      case .deleteThenCreate, .createThenDelete, .read: text += "  # (\(reason))\n"
      // A token's only in-place update is a rotation: say so, and why.
      case .update where change.isRotation:
        text += "  # (rotation: \(reason))\n"
      case .update where change.reason?.code == ActionReason.changedOutside(attributes: []).code:
        text += "  # (\(reason))\n"
      default: break
      }
    }
    if let previous = change.previousAddress { text += "  # (moved from \(previous))\n" }
    let keyword = address.resource.mode == .data ? "data" : "resource"
    text += symbols.symbol(change.action)
      + " \(keyword) \"\(address.resource.type)\" \"\(address.resource.name)\" {\n"
    if let schema = PlanRenderer.schema(of: address) {
      let renderer = ObjectDiffRenderer(schema: schema, replacePaths: change.replacePaths, symbols: symbols)
      text += renderer.render(before: change.before, after: change.after)
    }
    return text + "    }\n"
  }

  static func schema(of address: ResourceInstanceAddress) -> ResourceSchema? {
    address.resource.mode == .managed
      ? ResourceCatalog.standard.managed(address.resource.type)?.schema
      : ResourceCatalog.standard.dataSource(address.resource.type)?.schema
  }

  func renderDrift(_ drift: [DriftEntry], refreshOnly: Bool = false) -> String {
    var text = "\n" + symbols.bold("Note: Objects have changed outside of gitform") + "\n\n"
    text += wrap(
      "gitform detected the following changes made outside of gitform since the last \"gitform apply\" which may have affected this plan:")
    for entry in drift {
      text += "\n  " + symbols.bold("# \(entry.address)") + (entry.after == nil ? " has been deleted\n" : " has changed\n")
      let action: ChangeAction = entry.after == nil ? .delete : .update
      text += symbols.symbol(action)
        + " resource \"\(entry.address.resource.type)\" \"\(entry.address.resource.name)\" {\n"
      if let schema = PlanRenderer.schema(of: entry.address) {
        text += ObjectDiffRenderer(schema: schema, replacePaths: [], symbols: symbols)
          .render(before: entry.before, after: entry.after)
      }
      text += "    }\n"
    }
    if refreshOnly {
      return text + "\n\n" + wrap(
        "This is a refresh-only plan, so gitform will not take any actions to undo these. If you were expecting these changes then you can apply this plan to record the updated values in the gitform state without changing any remote objects.")
    }
    text += "\n\n" + wrap(
      "Unless you have made equivalent changes to your configuration, or ignored the relevant attributes using ignore_changes, the following plan may include actions to undo or respond to these changes.")
    text += "\n" + PlanRenderer.rule(width: width) + "\n"
    return text
  }

  private func renderOutputs(_ changes: [OutputChange]) -> String {
    let width = changes.map(\.name.count).max() ?? 0
    let renderer = ObjectDiffRenderer(schema: ResourceSchema(attributes: []), replacePaths: [], symbols: symbols)
    return changes.map { change in
      let key = PlanText.padded(change.name, to: width)
      let value: String
      switch change.action {
      case .create: value = renderer.renderValue(change.after ?? .null, depth: 0, action: .create)
      case .delete: value = renderer.renderValue(change.before ?? .null, depth: 0, action: .delete) + " -> null"
      default:
        let before = change.before ?? .null
        let after = change.after ?? .null
        value = (before.isSensitive || after.isSensitive)
          ? "(sensitive value)"
          : renderer.renderValue(before, depth: 0, action: .noOp) + " -> " + renderer.renderValue(after, depth: 0, action: .noOp)
      }
      return symbols.symbol(change.action) + " \(key) = \(value)\n"
    }.joined()
  }

  /// A horizontal rule as wide as Terraform's off a terminal (width − 1).
  public static func rule(width: Int = 78) -> String {
    String(repeating: "─", count: width - 1)
  }

  /// A paragraph wrapped to the width, ending in a newline.
  func wrap(_ paragraph: String) -> String {
    WordWrap.wrap(paragraph, limit: width - 1) + "\n"
  }
}
