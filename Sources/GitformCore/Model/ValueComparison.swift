/// Equality of attribute values as a diff sees it: content only, marks ignored.
enum ValueComparison {
  static func same(_ a: Value, _ b: Value) -> Bool {
    a.deepUnmarked().0 == b.deepUnmarked().0
  }
}
