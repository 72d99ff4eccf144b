/// Go's per-character case mapping (`unicode.ToUpper`/`ToLower`/`ToTitle`), which Terraform's
/// `upper`, `lower` and `title` use: one character maps to one character, so `upper("ß")` is
/// `"ß"` (not `"SS"`) and `lower("İ")` is `"i"` — unlike Swift's full, context-sensitive
/// mappings.
enum CaseMapping {
  static func upper(_ s: String) -> String { map(s) { $0.properties.uppercaseMapping } }
  static func lower(_ s: String) -> String { map(s) { $0.properties.lowercaseMapping } }

  /// One scalar in title case.
  static func title(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    simple(scalar, scalar.properties.titlecaseMapping)
  }

  private static func map(_ s: String, _ full: (Unicode.Scalar) -> String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in s.unicodeScalars { out.append(simple(scalar, full(scalar))) }
    return String(out)
  }

  /// The simple mapping from the full one: a single scalar is taken as is; a scalar followed
  /// only by combining marks (`İ` → `i` + U+0307) is the base; a true expansion (`ß` → `SS`)
  /// has no simple mapping and the scalar stays.
  private static func simple(_ scalar: Unicode.Scalar, _ full: String) -> Unicode.Scalar {
    let scalars = Array(full.unicodeScalars)
    guard let first = scalars.first else { return scalar }
    if scalars.count == 1 { return first }
    let restIsCombining = scalars.dropFirst().allSatisfy {
      $0.properties.generalCategory == .nonspacingMark
    }
    return restIsCombining ? first : scalar
  }
}
