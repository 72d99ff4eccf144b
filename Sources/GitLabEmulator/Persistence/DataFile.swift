// Persistence/ keeps the emulator's data across restarts (`-data FILE`). For: loading at
// start and atomic saves. Not for: deciding when to save (the Store does, after each change).
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `-data` file: the whole `StoreData` as JSON, replaced atomically on every save
/// (write a temporary file, fsync it, rename it over the old one), so a crash leaves either
/// the old or the new contents, never a torn file.
struct DataFile: Sendable {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  let path: String

  /// The stored data, or nil when the file does not exist yet.
  func load() throws -> StoreData? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    guard let contents = FileManager.default.contents(atPath: path) else {
      throw Failure(description: "cannot read data file \(path)")
    }
    do {
      return try JSONDecoder().decode(StoreData.self, from: contents)
    } catch {
      throw Failure(
        description: "data file \(path) is not a gitlab-emulator data file (corrupt JSON): "
          + "move it away or delete it to start empty")
    }
  }

  func save(_ data: StoreData) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let bytes = try encoder.encode(data)
    let (temporary, descriptor) = try createTemporary()
    var written = 0
    let ok = bytes.withUnsafeBytes { buffer -> Bool in
      while written < buffer.count {
        let result = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
        if result <= 0 { return false }
        written += result
      }
      return true
    }
    let synced = fsync(descriptor) == 0
    close(descriptor)
    guard ok, synced, rename(temporary, path) == 0 else {
      unlink(temporary)
      throw Failure(description: "cannot save data file \(path): errno \(errno)")
    }
  }

  /// A new file beside the data file, created exclusively and never through a symlink: a
  /// file or link planted at a predictable name makes `open` fail instead of being written
  /// through (or truncated). A random suffix makes the name unpredictable; a clash retries.
  private func createTemporary() throws -> (String, Int32) {
    var lastError: Int32 = 0
    for _ in 0..<8 {
      let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
      let temporary = path + ".tmp-\(getpid())-\(suffix)"
      let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
      if descriptor >= 0 { return (temporary, descriptor) }
      lastError = errno
      guard lastError == EEXIST else { break }
    }
    throw Failure(description: "cannot create a temporary file beside data file \(path): errno \(lastError)")
  }
}
