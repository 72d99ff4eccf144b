/// What reviewers read of a plan where they review: GitLab's Terraform report artifact and the
/// merge-request summary in Markdown.
///
/// Made from the plan text and the JSON plan document only — the same two things a saved plan
/// keeps — so `plan -markdown` and `show -markdown FILE` give the same summary. Neither holds
/// a secret: the text masks sensitive values and the document redacts them.
struct PlanReview {
  /// The plan as `plan -no-color` prints it.
  var text: String
  /// The plan in Terraform's JSON shape (`JSONPlanView`), with gitform's `warnings` member.
  var document: JSON

  /// The hidden first line by which `plan -mr-note` finds its own note again.
  static let marker = "<!-- gitform:plan-summary -->"
  /// GitLab's limit on a note's length, in characters (`MAX_TEXT_SIZE_LIMIT`).
  static let noteLimit = 1_000_000

  init(text: String, document: JSON) {
    self.text = text
    self.document = document
  }

  init(plan: Plan, text: String, document: JSON) {
    var withWarnings = document
    if case .object(var members) = document {
      // Each warning once, however many instances raised it.
      var warnings: [JSON] = []
      for warning in plan.warnings {
        let entry = JSON.object([("summary", .string(warning.summary)), ("detail", .string(warning.detail))])
        if !warnings.contains(entry) { warnings.append(entry) }
      }
      members.append(("warnings", .array(warnings)))
      withWarnings = .object(members)
    }
    self.init(text: text, document: withWarnings)
  }

  private var resourceChanges: [JSON] { document["resource_changes"]?.arrayElements ?? [] }

  private func actions(_ change: JSON) -> [String] {
    (change["change"]?["actions"]?.arrayElements ?? []).compactMap(\.stringValue)
  }

  /// GitLab's count: every action string of every change, as its `jq` filter counts them, so a
  /// replacement is one create and one delete.
  private func count(_ action: String) -> Int {
    resourceChanges.reduce(0) { $0 + actions($1).filter { $0 == action }.count }
  }

  /// `{"create": N, "update": N, "delete": N}` for `artifacts:reports:terraform`.
  var report: JSON {
    .object([("create", .integer(count("create"))), ("update", .integer(count("update"))), ("delete", .integer(count("delete")))])
  }

  // MARK: - Markdown

  /// The summary, shortened with a marker when longer than `limit` characters.
  func markdown(limit: Int = PlanReview.noteLimit) -> String {
    let head = summaryHead()
    let full = head + details(text)
    guard PlanReview.length(full) > limit else { return full }
    // Shorten the plan text first, then (for a plan of a great many changes) the table too.
    let note = "\n\n… (shortened to fit GitLab's note limit; the whole plan is in the job log)\n"
    let room = limit - PlanReview.length(head + details("")) - PlanReview.length(note) - 16
    if room > 0 {
      return head + details(String(text.unicodeScalars.prefix(room)) + note)
    }
    let shortHead = String(head.unicodeScalars.prefix(max(0, limit - PlanReview.length(note) - 64)))
    return shortHead + note
  }

  static func length(_ text: String) -> Int { text.unicodeScalars.count }

  private func summaryHead() -> String {
    let changes = resourceChanges.filter {
      actions($0) != ["no-op"] || $0["change"]?["importing"] != nil || $0["previous_address"] != nil
    }
    let outputs = document["output_changes"]?.objectMembers ?? []
    var out = PlanReview.marker + "\n"
    if changes.isEmpty && outputs.isEmpty {
      out += "### gitform plan: no changes\n\nThe configuration matches GitLab; applying changes nothing.\n"
    } else {
      let imports = changes.filter { $0["change"]?["importing"] != nil }.count
      out += "### gitform plan: " + (imports > 0 ? "\(imports) to import, " : "")
        + "\(count("create")) to add, \(count("update")) to change, \(count("delete")) to destroy\n"
    }
    if !changes.isEmpty {
      out += "\n| Action | Address | Reason |\n|---|---|---|\n"
      for change in changes {
        var address = change["address"]?.stringValue ?? ""
        if let deposed = change["deposed"]?.stringValue { address += " (deposed \(deposed))" }
        var action = PlanReview.actionWord(actions(change), importing: change["change"]?["importing"] != nil)
        var reason = change["reason"]?.stringValue ?? ""
        if let previous = change["previous_address"]?.stringValue {
          if action == "no change" { action = "move" }
          reason = ([reason] + ["moved from \(previous)"]).filter { !$0.isEmpty }.joined(separator: "; ")
        }
        out += "| \(action) | \(PlanReview.code(address)) | \(PlanReview.cell(reason)) |\n"
      }
    }
    let warnings = document["warnings"]?.arrayElements ?? []
    if !warnings.isEmpty {
      out += "\n**Warnings**\n\n"
      for warning in warnings {
        let detail = (warning["detail"]?.stringValue ?? "").split(separator: "\n").joined(separator: " ")
        out += "- **\(PlanReview.cell(warning["summary"]?.stringValue ?? ""))**" + (detail.isEmpty ? "" : ": \(PlanReview.cell(detail))") + "\n"
      }
    }
    if !outputs.isEmpty {
      out += "\n**Outputs**\n\n| Output | Action | Value |\n|---|---|---|\n"
      for (name, change) in outputs {
        let actionList = (change["actions"]?.arrayElements ?? []).compactMap(\.stringValue)
        out += "| \(PlanReview.code(name)) | \(PlanReview.actionWord(actionList, importing: false)) | \(PlanReview.outputValue(change)) |\n"
      }
    }
    return out
  }

  private func details(_ body: String) -> String {
    // A fence longer than any run of backticks in the text, so nothing ends it early.
    var longest = 0
    var run = 0
    for character in body {
      run = character == "`" ? run + 1 : 0
      longest = max(longest, run)
    }
    let fence = String(repeating: "`", count: max(3, longest + 1))
    return "\n<details><summary>Full plan</summary>\n\n\(fence)text\n\(body)\(body.hasSuffix("\n") ? "" : "\n")\(fence)\n\n</details>\n"
  }

  static func actionWord(_ actions: [String], importing: Bool) -> String {
    switch actions {
    case ["create"]: return "create"
    case ["update"]: return "update"
    case ["delete"]: return "destroy"
    case ["delete", "create"]: return "replace (destroy, then create)"
    case ["create", "delete"]: return "replace (create, then destroy)"
    case ["read"]: return "read"
    case ["no-op"]: return importing ? "import" : "no change"
    default: return actions.joined(separator: ", ")
    }
  }

  /// Text safe in a table cell: no line breaks, pipes escaped, no HTML or quick actions.
  static func cell(_ text: String) -> String {
    text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "|", with: "\\|")
      .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
  }

  private static func outputValue(_ change: JSON) -> String {
    if change["after_sensitive"] == .bool(true) { return "(sensitive value)" }
    if change["after_unknown"] == .bool(true) { return "(known after apply)" }
    guard let after = change["after"], after != .null else { return "null" }
    return code(JSONWriter.compact(after))
  }

  /// A code span for a table cell: pipes escaped, and fenced with more backticks than the text
  /// holds in a row (an instance key may contain one).
  static func code(_ text: String) -> String {
    let inner = text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "|", with: "\\|")
    var longest = 0
    var run = 0
    for character in inner {
      run = character == "`" ? run + 1 : 0
      longest = max(longest, run)
    }
    guard longest > 0 else { return "`" + inner + "`" }
    let fence = String(repeating: "`", count: longest + 1)
    return fence + " " + inner + " " + fence
  }
}
