/// "Did you mean ...?" hints: the first candidate within edit distance 2 of what was written.
///
/// The threshold and first-match order are hcl's (`hclsyntax/didyoumean.go`), so suggestions
/// read as Terraform's do. Callers list candidates in a stable order.
public enum NameSuggestion {
  public static func suggest(_ given: String, among candidates: [String]) -> String? {
    let givenScalars = Array(given.unicodeScalars)
    return candidates.first { distance(givenScalars, Array($0.unicodeScalars)) < 3 }
  }

  /// Levenshtein distance over Unicode scalars.
  static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
