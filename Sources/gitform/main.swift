import Foundation
import GitformCore

// A command's structures live until exit; the operating system frees them at once.
ProcessLifetime.skipTeardownAtExit()
exit(CommandLineInterface().run(Array(CommandLine.arguments.dropFirst()), context: .live))
