import Foundation

/// The few file operations state persistence needs, with the durability guarantees spelled out:
/// a write is on disk (data, and the directory entry that names it) before the call returns.
///
/// Plain POSIX calls rather than `FileManager`, because Foundation neither fsyncs nor lets the
/// caller choose the mode of a new file before its first byte is written (a token must never be
/// readable by others, not even for a moment).
enum DurableFile {
  /// The file's bytes, or nil when it does not exist. Without `followingLinks`, a symbolic
  /// link is an error (ELOOP) rather than a way to read another file.
  static func read(_ path: String, followingLinks: Bool = true) throws(StateError) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW))
    if descriptor < 0 {
      if errno == ENOENT { return nil }
      throw .fileSystem(path, "read", errno: errno)
    }
    defer { close(descriptor) }
    var contents: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw .fileSystem(path, "read", errno: errno)
      }
      if count == 0 { return contents }
      contents.append(contentsOf: buffer[0..<count])
    }
  }

  /// Replaces `path` with `bytes` atomically: a temporary file in the same directory is
  /// written with `mode`, synced and renamed over `path`, then the directory is synced. A crash
  /// at any point leaves either the old file or the new one, never a mixture.
  static func replace(_ path: String, with bytes: [UInt8], mode: mode_t = 0o600) throws(StateError) {
    let temporary = directory(of: path) + "/." + name(of: path) + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
    guard descriptor >= 0 else { throw .fileSystem(path, "write", errno: errno) }
    do throws(StateError) {
      // The umask may have narrowed `mode`; state files must be exactly `mode`, no more, no less.
      guard fchmod(descriptor, mode) == 0 else { throw StateError.fileSystem(path, "write", errno: errno) }
      try writeAll(descriptor, bytes, path: path)
      guard fsync(descriptor) == 0 else { throw StateError.fileSystem(path, "sync", errno: errno) }
    } catch {
      close(descriptor)
      unlink(temporary)
      throw error
    }
    close(descriptor)
    guard rename(temporary, path) == 0 else {
      let code = errno
      unlink(temporary)
      throw .fileSystem(path, "replace", errno: code)
    }
    try syncDirectory(of: path)
  }

  /// Whether something exists at `path` (a link counts as what it names).
  static func exists(_ path: String) -> Bool {
    access(path, F_OK) == 0
  }

  /// Deletes `path` (a missing file is fine) and makes the deletion durable.
  static func remove(_ path: String) throws(StateError) {
    if unlink(path) != 0 {
      if errno == ENOENT { return }
      throw .fileSystem(path, "delete", errno: errno)
    }
    try syncDirectory(of: path)
  }

  /// Writes every byte, retrying after interrupts and short writes.
  static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(StateError) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return Foundation.write(descriptor, base + offset, buffer.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        throw .fileSystem(path, "write", errno: errno)
      }
      // A write that makes no progress would loop forever; treat it as a full disk.
      guard written > 0 else { throw .fileSystem(path, "write", errno: ENOSPC) }
      offset += written
    }
  }

  /// Makes a rename or create in the file's directory durable.
  static func syncDirectory(of path: String) throws(StateError) {
    let directoryDescriptor = open(directory(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard directoryDescriptor >= 0 else { throw .fileSystem(directory(of: path), "open", errno: errno) }
    defer { close(directoryDescriptor) }
    guard fsync(directoryDescriptor) == 0 else { throw .fileSystem(directory(of: path), "sync", errno: errno) }
  }

  /// `path` with every symbolic link in its last component followed, as `open` would: the file
  /// a write through `path` must replace. A link's relative target counts from the link's
  /// directory; a dangling link gives its (not yet existing) target. Directories on the way are
  /// left as they are: `rename` within one works through them.
  /// - Throws: when the links loop or cannot be read.
  static func resolvingSymlinks(_ path: String) throws(StateError) -> String {
    var current = path
    for _ in 0..<40 {  // Linux's own limit (MAXSYMLINKS)
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let count = readlink(current, &buffer, buffer.count - 1)
      if count < 0 {
        if errno == EINVAL || errno == ENOENT { return current }  // not a link, or nothing there
        throw .fileSystem(current, "read the link", errno: errno)
      }
      let target = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      current = target.hasPrefix("/") ? target : directory(of: current) + "/" + target
    }
    throw .fileSystem(path, "resolve", errno: ELOOP)
  }

  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  static func name(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }
}
