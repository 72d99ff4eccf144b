import Foundation

extension FmtCommand {
  /// The syntax errors that stop a file from being formatted: formatting text that does not
  /// parse could move things in ways the user cannot easily undo, so Terraform refuses, and
  /// so do we. Returns the diagnostics and, when there are errors, the source as the
  /// renderer needs it (from the same parse).
  static func syntaxCheck(_ source: [UInt8], filename: String) -> (
    diagnostics: [Diagnostic], source: DiagnosticSource?
  ) {
    let (file, diagnostics) = Parser.parse(source, filename: filename)
    guard diagnostics.hasErrors else { return (diagnostics, nil) }
    return (diagnostics, DiagnosticSource(bytes: source, file: file))
  }

  /// A failure to replace a file's contents.
  struct WriteError: Error, CustomStringConvertible {
    var operation: String
    var code: Int32
    var description: String { "\(operation) failed: \(String(cString: strerror(code)))" }
  }

  /// Replaces the file at `url` with `bytes` atomically: a temporary file in the same
  /// directory, written and synced, takes the original's permissions and is renamed over it.
  /// A crash leaves either the old or the new contents, never a mix. A symbolic link is
  /// followed, so the file it points to is replaced and the link stays a link.
  static func writeAtomically(_ bytes: [UInt8], to link: URL) throws {
    let url = link.resolvingSymlinksInPath()
    let path = url.path
    var status = stat()
    let mode: mode_t = stat(path, &status) == 0 ? status.st_mode & 0o7777 : 0o644
    let directory = url.deletingLastPathComponent().path
    let temporary = directory + "/." + url.lastPathComponent + ".gitform-fmt-" + UUID().uuidString
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode)
    guard descriptor >= 0 else { throw WriteError(operation: "create \(temporary)", code: errno) }
    var failure: WriteError? = nil
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count, let base = buffer.baseAddress {
        let written = write(descriptor, base + offset, buffer.count - offset)
        if written <= 0 {
          failure = WriteError(operation: "write", code: errno)
          return
        }
        offset += written
      }
    }
    if failure == nil, fchmod(descriptor, mode) != 0 {
      failure = WriteError(operation: "chmod", code: errno)
    }
    if failure == nil, fsync(descriptor) != 0 {
      failure = WriteError(operation: "fsync", code: errno)
    }
    close(descriptor)
    if failure == nil, rename(temporary, path) != 0 {
      failure = WriteError(operation: "rename", code: errno)
    }
    if let failure {
      unlink(temporary)
      throw failure
    }
  }
}
