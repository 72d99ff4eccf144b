/// Preconditions decided only during apply, when what they refer to has just been made.
extension ApplyRun {
  /// A precondition that could only be decided now failed (the walk reported it): the instance
  /// is not acted on, and what depends on it is skipped.
  func skipForFailedPrecondition(_ instance: InstanceConfig, prior: StateObject?) -> Value {
    lock.lock()
    failed.insert(instance.address.resource)
    failed.insert(instance.address.resource.configAddress)
    failedDependencies.formUnion(instance.dependencies)
    lock.unlock()
    return prior?.value ?? .unknown()
  }
}
