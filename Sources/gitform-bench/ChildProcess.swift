import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a program to completion and reports what a whole-process benchmark needs: exit status,
/// wall time, peak resident memory, and what it printed.
///
/// `Process` hides the child's resource usage; `wait4` gives the peak RSS of that one child,
/// where `getrusage(RUSAGE_CHILDREN)` would give the largest of all children so far — useless
/// for telling whether memory stays flat from round to round.
struct ChildProcess {
  struct Outcome {
    var status: Int32
    var seconds: Double
    var peakMemoryBytes: Int
    var output: String
  }

  var executable: String
  var arguments: [String]
  var directory: String
  var environment: [String: String]

  func run() throws -> Outcome {
    let outputPath = directory + "/.bench-output-\(UUID().uuidString)"
    defer { unlink(outputPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    // The working directory: a shell-free `cd` through the program's own -chdir flag is not
    // available to every program, so the child inherits ours, set around the spawn.
    let previous = FileManager.default.currentDirectoryPath
    guard FileManager.default.changeCurrentDirectoryPath(directory) else {
      throw ChildProcessError("cannot enter \(directory)")
    }
    defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let start = DispatchTime.now().uptimeNanoseconds
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
    guard spawned == 0 else { throw ChildProcessError("cannot start \(executable): error \(spawned)") }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) == -1 {
      guard errno == EINTR else { throw ChildProcessError("wait4 failed: error \(errno)") }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    // ru_maxrss is in kilobytes on Linux.
    return Outcome(status: exitStatus, seconds: seconds, peakMemoryBytes: Int(usage.ru_maxrss) * 1024, output: output)
  }
}

struct ChildProcessError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
