/// The ANSI escapes of gitform's own text — plan symbols, bold words, Terraform's green
/// headings — in one place. Diagnostics colour through `Palette`'s markup instead, as
/// Terraform's do. Everything is plain unless `color` is on (standard output is a terminal,
/// without -no-color or NO_COLOR).
struct TerminalStyle {
  let color: Bool

  /// `text` in one SGR colour (`"31"` red, `"32"` green, `"33"` yellow, `"36"` cyan), then reset.
  func paint(_ text: String, _ code: String) -> String {
    color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  func bold(_ text: String) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }

  /// Terraform's bold green headings: `Apply complete! ...`, `Import successful!`, `Outputs:`.
  func heading(_ text: String) -> String { color ? "\u{1B}[1m\u{1B}[32m\(text)\u{1B}[0m" : text }

  /// `validate`'s line: a green bold `Success!`, the sentence, and a final reset (Terraform
  /// writes `[reset][bold][green]Success![reset] %s` with colorstring's trailing reset).
  func success(_ sentence: String) -> String {
    color ? "\u{1B}[32m\u{1B}[1mSuccess!\u{1B}[0m \(sentence)\u{1B}[0m" : "Success! \(sentence)"
  }

  /// The first-interrupt notice of apply and destroy. A signal handler may only write fixed
  /// bytes, so both spellings are static text, chosen by the handler.
  static let interruptNotice: StaticString =
    "\nInterrupt received.\nPlease wait for gitform to exit or data loss may occur.\nGracefully shutting down...\n\n"
  static let coloredInterruptNotice: StaticString =
    "\u{1B}[0m\u{1B}[1m\u{1B}[31m\nInterrupt received.\nPlease wait for gitform to exit or data loss may occur.\nGracefully shutting down...\u{1B}[0m\n\n"
  /// The second interrupt's notice, on standard error, written just before the process ends.
  static let exitNotice: StaticString =
    "\nTwo interrupts received. Exiting immediately. Note that data loss may have occurred.\n\n"
}
