import Foundation
import GitLabEmulator

// gitlab-emulator: parse the flags, serve GitLab's API on loopback, print the ready line, and
// run until SIGINT or SIGTERM (exit 0). Bad flags exit 1; -help prints usage and exits 0.

/// Reports a message on stderr and exits 1; stdout carries only the ready line.
func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("gitlab-emulator: \(message)\n".utf8))
  exit(1)
}

let configuration: EmulatorConfiguration
switch EmulatorCommandLine.parse(Array(CommandLine.arguments.dropFirst())) {
case .help:
  print(EmulatorCommandLine.usage, terminator: "")
  exit(0)
case .failure(let message):
  fail("\(message)\nRun 'gitlab-emulator -help' for usage.")
case .run(let parsed):
  configuration = parsed
}

// Block SIGINT and SIGTERM before any server thread exists (threads inherit the mask), then
// take them with sigwait below: a signal sent the instant the ready line is read is held
// pending, never lost to a race with a handler being installed.
var stopSignals = sigset_t()
sigemptyset(&stopSignals)
sigaddset(&stopSignals, SIGINT)
sigaddset(&stopSignals, SIGTERM)
pthread_sigmask(SIG_BLOCK, &stopSignals, nil)

let emulator: RunningEmulator
do {
  emulator = try RunningEmulator(configuration: configuration)
} catch {
  fail("\(error)")
}

print(emulator.readyLine)
fflush(stdout)
var received: Int32 = 0
sigwait(&stopSignals, &received)
emulator.stop()
exit(0)
