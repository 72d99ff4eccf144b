/// Parsing and printing single addresses.
enum IPAddressText {
  static func parseIPv4(_ text: String) -> UInt128? {
    let fields = text.split(separator: ".", omittingEmptySubsequences: false)
    guard fields.count == 4 else { return nil }
    var value: UInt128 = 0
    for field in fields {
      guard !field.isEmpty, field.count <= 10, field.allSatisfy({ $0.isASCII && $0.isNumber }),
        let n = Int(field), n <= 255
      else { return nil }
      value = value << 8 | UInt128(n)
    }
    return value
  }

  static func parseIPv6(_ text: String) -> UInt128? {
    var groups: [UInt16] = []
    var gap: Int?
    var rest = Substring(text)
    if rest.hasPrefix("::") {
      gap = 0
      rest = rest.dropFirst(2)
    }
    while !rest.isEmpty {
      // A dotted IPv4 tail fills the last two groups.
      if rest.contains("."), !rest.contains(":") {
        guard let v4 = parseIPv4(String(rest)) else { return nil }
        groups += [UInt16(v4 >> 16), UInt16(v4 & 0xffff)]
        rest = ""
        break
      }
      let end = rest.firstIndex(of: ":") ?? rest.endIndex
      let digits = rest[..<end]
      guard !digits.isEmpty, digits.count <= 4, let group = UInt16(digits, radix: 16) else {
        return nil
      }
      groups.append(group)
      rest = rest[end...]
      if rest.hasPrefix("::") {
        guard gap == nil else { return nil }
        gap = groups.count
        rest = rest.dropFirst(2)
      } else if rest.hasPrefix(":") {
        rest = rest.dropFirst()
        guard !rest.isEmpty else { return nil }
      }
    }
    if let gap {
      guard groups.count < 8 else { return nil }
      groups.insert(contentsOf: repeatElement(0, count: 8 - groups.count), at: gap)
    }
    guard groups.count == 8 else { return nil }
    return groups.reduce(UInt128(0)) { $0 << 16 | UInt128($1) }
  }

  /// Go's `IP.String()`: dotted for IPv4 and mapped addresses, otherwise RFC 5952 style
  /// (the first longest run of two or more zero groups as `::`).
  static func format(_ value: UInt128, byteCount: Int) -> String {
    if byteCount == 4 || value >> 32 == 0xffff {
      let v4 = UInt32(truncatingIfNeeded: value)
      return (0..<4).map { String((v4 >> (24 - 8 * UInt32($0))) & 0xff) }.joined(separator: ".")
    }
    let groups = (0..<8).map { UInt16(truncatingIfNeeded: value >> (112 - 16 * UInt128($0))) }
    var (bestStart, bestLength) = (-1, 1)
    var index = 0
    while index < 8 {
      var end = index
      while end < 8 && groups[end] == 0 { end += 1 }
      if end - index > bestLength { (bestStart, bestLength) = (index, end - index) }
      index = max(end, index + 1)
    }
    if bestStart < 0 { return groups.map { String($0, radix: 16) }.joined(separator: ":") }
    let head = groups[..<bestStart].map { String($0, radix: 16) }.joined(separator: ":")
    let tail = groups[(bestStart + bestLength)...].map { String($0, radix: 16) }.joined(
      separator: ":")
    return head + "::" + tail
  }
}
