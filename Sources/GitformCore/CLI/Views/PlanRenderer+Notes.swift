/// The lines `plan` and `apply` print around the plan itself: where the state lives, why no
/// plan follows, whether and where the plan was saved, and the merge-request note.
extension PlanRenderer {
  /// Before the refresh lines, only for remote state (a local state's plan text is unchanged).
  static func stateLocation(_ location: String) -> String { "State: \(location)\n" }

  /// Terraform's line before the diagnostics of a plan that could not be made.
  static let planningFailed = "\nPlanning failed. gitform encountered an error while generating this plan.\n\n"

  /// After a plan with changes that was not saved with -out.
  static func unsavedNote() -> String {
    "\n" + rule() + "\n\n"
      + "Note: You didn't use the -out option to save this plan, so gitform can't\n"
      + "guarantee to take exactly these actions if you run \"gitform apply\" now.\n"
  }

  /// The -json stream's log message once the plan is saved to `out`.
  static func savedMessage(_ out: String) -> String { "Saved the plan to: \(out)" }

  /// After a plan saved with -out: the file, and the command that applies exactly it.
  static func savedNote(_ out: String) -> String {
    "\n" + rule() + "\n\n" + savedMessage(out) + "\n\n"
      + "To perform exactly these actions, run the following command to apply:\n"
      + "    gitform apply \"\(out)\"\n"
  }

  /// Where -mr-note put the summary (the -json stream logs it without the blank line).
  static func mergeRequestNote(_ note: Int, iid: Int) -> String {
    "Plan summary on merge request !\(iid) (note \(note))."
  }
}
