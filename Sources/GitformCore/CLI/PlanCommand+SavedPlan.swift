extension PlanCommand {
  /// Writes the saved plan for `-out=FILE`, keyed with the state's plan key. A state without
  /// one gets one first (written like any state change, so the plan records the serial after
  /// it); then the plan's digests and MAC are computed under it.
  func saveSavedPlan(
    _ out: String, plan: Plan, review: PlanReview, plannedAt: String, session: EngineSession,
    stream: JSONUIStream?
  ) throws(CommandFailure) {
    var state = session.state
    if state.planKey == nil {
      state.planKey = State.newPlanKey()
      do {
        state = try session.persist(state)
      } catch {
        throw CommandFailure(error.summary, error.detail)
      }
    }
    guard let key = state.planKey else { throw CommandFailure("Failed to write the plan file", "The state has no plan key.") }
    let flags = session.flags
    var saved = SavedPlan(
      lineage: state.lineage, serial: state.serial,
      configurationDigest: SavedPlan.digest(of: session.configuration, key: key),
      variablesDigest: SavedPlan.digest(of: session.variables, key: key),
      changesDigest: SavedPlan.changesDigest(of: plan, key: key), destroy: flags.destroy,
      refresh: flags.refresh, targets: flags.targets.map(\.description),
      replace: flags.replace.map(\.description), actions: SavedPlan.actions(of: plan))
    saved.reasons = SavedPlan.reasons(of: plan, words: ActionReasonText.words)
    saved.plannedAt = plannedAt
    saved.refreshOnly = flags.refreshOnly
    saved.text = review.text
    saved.document = review.document
    let path = CommandLineInterface.resolve(out, against: session.context.workingDirectory)
    do {
      try DurableFile.replace(path, with: saved.sealed(key: key).bytes)
    } catch {
      throw CommandFailure("Failed to write the plan file", "\(error.summary): \(error.detail)")
    }
    if let stream {
      stream.log(PlanRenderer.savedMessage(out))
    } else if !flags.markdown {
      session.context.out(PlanRenderer.savedNote(out))
    }
  }
}
