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
