/// `gitform destroy`: revokes and deletes everything the state manages (apply -destroy).
struct DestroyCommand: Command {
  static let name = "destroy"
  static let synopsis = "Destroy previously-created infrastructure"
  static let help = """
    Usage: gitform [global options] destroy [options]

      Revokes every token and deletes every variable managed by the state. This
      is an alias for "gitform apply -destroy" and takes the same options.

    """

  func run(_ arguments: [String], context: CommandContext) throws(CommandFailure) -> Int32 {
    try ApplyCommand.execute(arguments, context: context, destroy: true)
  }
}
