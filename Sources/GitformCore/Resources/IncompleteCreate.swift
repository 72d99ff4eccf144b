import Foundation

/// A create GitLab carried out whose follow-up step was refused: a user made, then not blocked.
///
/// Throwing the step's own error would tell the engine that GitLab refused the create, and the
/// engine would withdraw the pending record — forgetting an object that exists, so the next
/// apply fails on a taken username. A type throws this instead: the engine records `object`
/// (the object as GitLab made it) and reports the apply as failed with `description`; the next
/// plan shows what is still to change. A follow-up step whose outcome is in doubt is not one of
/// these: the type rethrows it, and the engine looks for what GitLab made as for any create.
public struct IncompleteCreate: Error, CustomStringConvertible {
  /// The object as it exists in GitLab, in the type's attribute form.
  public var object: Value
  /// What was made and what failed, in words, with GitLab's message (free of secrets).
  public var description: String

  public init(object: Value, description: String) {
    self.object = object
    self.description = description
  }
}
