/// "Did you mean ...?" suggestions: the known name nearest a misspelt one, after hcl's
/// `didyoumean.go` (Levenshtein distance below 3).
enum NameSuggestion {
  static func closest(to name: String, among candidates: [String]) -> String? {
    var best: (name: String, distance: Int)?
    for candidate in candidates.sorted() {
      let distance = levenshtein(Array(name.unicodeScalars), Array(candidate.unicodeScalars))
      if distance < 3, distance < (best?.distance ?? 3) {
        best = (candidate, distance)
      }
    }
    return best?.name
  }

  /// Edit distance counting insertions, deletions and substitutions of Unicode scalars.
  static func levenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
