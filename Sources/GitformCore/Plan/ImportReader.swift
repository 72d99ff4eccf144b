/// Reads the object an import id names: parse the id, then read it from GitLab.
struct ImportReader {
  let type: any ResourceType
  let context: ResourceContext

  /// The complete object, or a message saying why it cannot be imported.
  func read(id: String) -> Result<Value, ImportFailure> {
    switch type.importObject(id: id) {
    case .failure(let error): return .failure(ImportFailure(error.message))
    case .success(let partial):
      do {
        guard let object = try type.read(partial, context: context) else {
          return .failure(
            ImportFailure(
              "Cannot import non-existent remote object: GitLab has no \(type.name) with the import id \(Value.quoted(id))."))
        }
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
