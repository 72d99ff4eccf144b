import Foundation
import GitLabEmulator

// gitlab-emulator: parse the flags, serve GitLab's API on loopback, print the ready line, and
// run until SIGINT or SIGTERM (exit 0). Bad flags exit 1; -help prints usage and exits 0.

/// Writes a message to stderr; stdout carries only the ready line.
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

// Take the signals over before announcing readiness, so that a supervisor may stop us as
// soon as it has read the ready line.
signal(SIGINT, SIG_IGN)
signal(SIGTERM, SIG_IGN)

let emulator: RunningEmulator
do {
  emulator = try RunningEmulator(configuration: configuration)
} catch {
  fail("\(error)")
}

let signalSources = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
  let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
  source.setEventHandler {
    emulator.stop()
    exit(0)
  }
  source.resume()
  return source
}

print(emulator.readyLine)
fflush(stdout)
dispatchMain()
