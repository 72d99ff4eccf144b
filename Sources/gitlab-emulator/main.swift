import Foundation
import GitLabEmulator

// Replaced by the emulator's command line (see DESIGN.md) as the emulator lands.
FileHandle.standardError.write(Data("gitlab-emulator: not yet built\n".utf8))
exit(1)
