import Foundation

/// Ctrl-C during apply and destroy, as Terraform handles it: the first SIGINT asks the engine to
/// stop starting actions (those in flight finish and are recorded, the lock is released); a
/// second one exits at once.
///
/// A signal handler may only do async-signal-safe work, so it counts interrupts in a global,
/// writes fixed text with write(2) and, on the second, calls _exit. The engine polls `isCancelled`.
enum InterruptHandler {
  /// Interrupts received since `install`; read by the engine's workers, written by the handler.
  nonisolated(unsafe) private static var count: sig_atomic_t = 0
  nonisolated(unsafe) private static var color = false

  /// Terraform's text for the first interrupt, on standard output (the words are the view's).
  private static let plainNotice = TerminalStyle.interruptNotice
  private static let colorNotice = TerminalStyle.coloredInterruptNotice
  /// Terraform's text for the second interrupt, on standard error.
  private static let fatalNotice = TerminalStyle.exitNotice

  /// Catches SIGINT until `uninstall`.
  static func install(color: Bool) {
    count = 0
    self.color = color
    // Initialise the lazy statics now: the handler must not be the first to touch them.
    _ = (plainNotice, colorNotice, fatalNotice)
    signal(SIGINT) { _ in
      InterruptHandler.count += 1
      if InterruptHandler.count == 1 {
        InterruptHandler.emit(InterruptHandler.color ? InterruptHandler.colorNotice : InterruptHandler.plainNotice, to: STDOUT_FILENO)
      } else {
        InterruptHandler.emit(InterruptHandler.fatalNotice, to: STDERR_FILENO)
        _exit(1)
      }
    }
  }

  /// Gives SIGINT back its default action (end the process).
  static func uninstall() {
    signal(SIGINT, SIG_DFL)
  }

  /// True once an interrupt arrived since `install`.
  static var isCancelled: Bool { count > 0 }

  private static func emit(_ text: StaticString, to descriptor: Int32) {
    var offset = 0
    let total = text.utf8CodeUnitCount
    // write(2) may take part of the text; each pass writes at least one byte or stops.
    while offset < total {
      let written = write(descriptor, text.utf8Start + offset, total - offset)
      if written <= 0 { return }
      offset += written
    }
  }
}
