/// HCL's `==`: equal only when the types are identical and the contents equal, so `"1" == 1`
/// is false and `1 == 1.0` true; null equals only null.
///
/// The result is an unknown bool when either side is not wholly known, and sensitive when
/// either side contains a sensitive value.
extension Value {
  public func equals(_ other: Value) -> Value {
    let sensitive = containsSensitive || other.containsSensitive
    if isNull || other.isNull {
      // A null compares by itself even when the other side is unknown: cty knows the answer.
      if isNull && other.isNull { return Value.true.marked(sensitive: sensitive) }
      if isKnown && other.isKnown { return Value.false.marked(sensitive: sensitive) }
    }
    guard isWhollyKnown && other.isWhollyKnown else {
      return Value.unknown(.bool).marked(sensitive: sensitive)
    }
    let (a, _) = deepUnmarked()
    let (b, _) = other.deepUnmarked()
    return Value.bool(a.type == b.type && a.sameContent(as: b)).marked(sensitive: sensitive)
  }
}
