import Foundation
import GitformCore

exit(CommandLineInterface().run(Array(CommandLine.arguments.dropFirst()), context: .live))
