/// The words around an apply that are not progress lines: Terraform's approval prompt, and
/// the summary after the last action (with the outputs, after an apply but not a destroy).
enum ApplyView {
  /// `Apply complete! Resources: [N imported, ]N added, N changed, N destroyed.` or
  /// `Destroy complete! Resources: N destroyed.`; also the -json stream's summary message.
  static func summary(_ result: ApplyResult, destroy: Bool) -> String {
    if destroy { return "Destroy complete! Resources: \(result.destroyed) destroyed." }
    return "Apply complete! Resources: " + (result.imported > 0 ? "\(result.imported) imported, " : "")
      + "\(result.added) added, \(result.changed) changed, \(result.destroyed) destroyed."
  }

  /// The text after the progress lines. The summary is a bold green heading on a terminal
  /// when actions ran (`highlighted`); an apply with nothing to do has always said it plainly.
  static func complete(_ result: ApplyResult, destroy: Bool, color: Bool, highlighted: Bool = true) -> String {
    let line = summary(result, destroy: destroy)
    let text = "\n" + (highlighted ? TerminalStyle(color: color).heading(line) : line) + "\n"
    return destroy ? text : text + OutputView.afterApply(result.state.outputs, color: color)
  }

  /// Terraform's approval prompt, waiting for an answer on the same line.
  static func prompt(destroy: Bool, refreshOnly: Bool = false) -> String {
    if refreshOnly {
      return "\nWould you like to update the gitform state to reflect these detected changes?\n  gitform will write these changes to the state without modifying any real infrastructure.\n  There is no undo. Only 'yes' will be accepted to confirm.\n\n  Enter a value: "
    }
    return destroy
      ? "\nDo you really want to destroy all resources?\n  gitform will destroy all your managed infrastructure, as shown above.\n  There is no undo. Only 'yes' will be accepted to confirm.\n\n  Enter a value: "
      : "\nDo you want to perform these actions?\n  gitform will perform the actions described above.\n  Only 'yes' will be accepted to approve.\n\n  Enter a value: "
  }

  /// After any answer but `yes`.
  static func cancelled(destroy: Bool) -> String {
    "\n" + (destroy ? "Destroy cancelled." : "Apply cancelled.") + "\n"
  }
}
