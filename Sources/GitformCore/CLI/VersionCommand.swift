/// `gitform version`: prints the version, as `terraform version` does.
struct VersionCommand: Command {
  static let name = "version"
  static let synopsis = "Show the current gitform version"
  static let help = """
    Usage: gitform [global options] version

      Displays the version of gitform.

    """

  func run(_ arguments: [String], context: CommandContext) throws(CommandFailure) -> Int32 {
    if let extra = arguments.first {
      context.err("Error: version takes no arguments (got \(extra)).\n")
      return 1
    }
    context.out("gitform v\(CommandLineInterface.version)\n")
    return 0
  }
}
