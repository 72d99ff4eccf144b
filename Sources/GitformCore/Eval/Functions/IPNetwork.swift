/// An IP network parsed and printed as Terraform's `ipaddr` (Go 1.16's `net`) does: IPv4
/// fields may have leading zeros (read as decimal), IPv6 takes `::` and a dotted IPv4 tail,
/// and an IPv4-mapped IPv6 address prints in dotted form.
struct IPNetwork: Equatable {
  /// The address bits, right-aligned (an IPv4 address uses the low 32).
  var address: UInt128
  /// 4 for IPv4, 16 for IPv6 (including IPv4-mapped addresses written in IPv6 syntax).
  var byteCount: Int
  var prefixLength: Int

  var bitCount: Int { byteCount * 8 }

  /// The mask of `length` leading ones within `bits` bits.
  static func mask(_ length: Int, bits: Int) -> UInt128 {
    guard length > 0 else { return 0 }
    let all: UInt128 = bits == 128 ? .max : (UInt128(1) << bits) - 1
    guard length < bits else { return all }
    return all ^ ((UInt128(1) << (bits - length)) - 1)
  }

  var mask: UInt128 { Self.mask(prefixLength, bits: bitCount) }
  var first: UInt128 { address & mask }
  var last: UInt128 { address | (Self.mask(bitCount, bits: bitCount) ^ mask) }

  func contains(_ value: UInt128) -> Bool { value & mask == first }

  /// Go's `net.ParseCIDR` error text.
  struct ParseFailure: Error { var text: String }

  /// `ADDRESS/LENGTH`, the address masked to the network, as `net.ParseCIDR` returns it.
  static func parse(_ text: String) -> Result<IPNetwork, ParseFailure> {
    let failure = ParseFailure(text: "invalid CIDR address: \(text)")
    guard let slash = text.firstIndex(of: "/") else { return .failure(failure) }
    let addressText = String(text[..<slash])
    let lengthText = text[text.index(after: slash)...]
    var parsed = IPAddressText.parseIPv4(addressText).map { ($0, 4) }
    if parsed == nil { parsed = IPAddressText.parseIPv6(addressText).map { ($0, 16) } }
    guard let (value, bytes) = parsed, !lengthText.isEmpty, lengthText.count <= 4,
      lengthText.allSatisfy({ $0.isASCII && $0.isNumber }), let length = Int(lengthText),
      length <= bytes * 8
    else { return .failure(failure) }
    let network = IPNetwork(address: value, byteCount: bytes, prefixLength: length)
    return .success(IPNetwork(address: network.first, byteCount: bytes, prefixLength: length))
  }

  /// Whether the address is IPv4, or IPv4 mapped into IPv6 (Go's `To4() != nil`).
  var isIPv4Like: Bool { byteCount == 4 || address >> 32 == 0xffff }

  /// Go's `IPNet.String()`: a mapped address prints as IPv4 with its IPv4 prefix length.
  var description: String {
    if byteCount == 16 && isIPv4Like {
      return IPAddressText.format(address, byteCount: 16) + "/\(max(0, prefixLength - 96))"
    }
    return IPAddressText.format(address, byteCount: byteCount) + "/\(prefixLength)"
  }
}

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
