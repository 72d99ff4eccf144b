/// Reads the object an import id names: parse the id, then read it from GitLab, and refuse an
/// object of another kind or owner than the id says, so the state never records one wrongly.
struct ImportReader {
  let type: any ResourceType
  let context: ResourceContext

  /// The complete object, or a message saying why it cannot be imported.
  func read(id: String) -> Result<Value, ImportFailure> {
    switch type.importObject(id: id) {
    case .failure(let error): return .failure(ImportFailure(error.message))
    case .success(let partial):
      do {
        let object = try type.read(partial, context: context)
        if let mismatch = try type.importMismatch(partial, read: object, context: context) {
          return .failure(ImportFailure(mismatch))
        }
        guard let object else {
          return .failure(
            ImportFailure(
              "Cannot import non-existent remote object: GitLab has no \(type.name) with the import id \(Value.quoted(id))."))
        }
        if let refusal = type.importRefusal(object) { return .failure(ImportFailure(refusal)) }
        return .success(SensitiveMarks.apply(type.schema, to: object))
      } catch {
        return .failure(ImportFailure(Refresher.describe(error)))
      }
    }
  }
}

/// Why an import failed, in words.
struct ImportFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
