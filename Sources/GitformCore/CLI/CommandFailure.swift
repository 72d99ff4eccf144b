/// Why a command stops with exit code 1, as the diagnostics to show for it.
///
/// Engine steps and commands throw it instead of printing and returning false; the command's
/// one exit path (`EngineSession.run`) renders the diagnostics and returns the code, so no
/// failure is printed twice or turned into an exit code in two places.
struct CommandFailure: Error {
  /// Shown in order: warnings on standard output, errors on standard error (or, with -json,
  /// as `diagnostic` messages).
  var diagnostics: [Diagnostic]
  /// Shown as plain text (`PlainDiagnosticText`) rather than rendered with colour, wrapping and
  /// source snippets: the command line's own mistakes, as gitform has always printed them.
  var plain = false

  init(diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics
  }

  /// One error with Terraform's summary line and its detail paragraph.
  init(_ summary: String, _ detail: String) {
    diagnostics = [.error(summary, detail: detail)]
  }

  /// A plan that could not be made: the planner's diagnostics, and Terraform's summary when
  /// none of them is an error.
  static func planning(_ diagnostics: [Diagnostic]) -> CommandFailure {
    CommandFailure(
      diagnostics: diagnostics.hasErrors
        ? diagnostics : diagnostics + [.error("Planning failed", detail: "gitform could not make a plan.")])
  }

  /// A mistake on the command line (flags, arguments, an unreadable plan file) or a refusal
  /// said in the command's own words: `Error: SUMMARY`, then the detail, unwrapped.
  static func usage(_ summary: String, _ detail: String = "") -> CommandFailure {
    var failure = CommandFailure(summary, detail)
    failure.plain = true
    return failure
  }
}
