import Foundation

/// `cidrhost`, `cidrnetmask`, `cidrsubnet` and `cidrsubnets`, after Terraform's use of
/// `go-cidr`, quirks included (a negative host number counts from the end of the range).
enum CIDRFunctions {
  static let all: [Function] = [
    Function(
      "cidrhost", [StringFunctions.string("prefix"), StringFunctions.number("hostnum")],
      returns: .string
    ) { args, _ in
      let number = try bigInteger(args[1])
      let network = try parse(args[0])
      return .string(try host(network, number))
    },
    Function("cidrnetmask", [StringFunctions.string("prefix")], returns: .string) { args, _ in
      let network = try parse(args[0])
      guard network.isIPv4Like else {
        throw FunctionError.call(
          "IPv6 addresses cannot have a netmask: \(args[0].stringValue ?? "")")
      }
      return .string(IPAddressText.format(network.mask, byteCount: network.byteCount))
    },
    Function(
      "cidrsubnet",
      [
        StringFunctions.string("prefix"), StringFunctions.number("newbits"),
        StringFunctions.number("netnum"),
      ],
      returns: .string
    ) { args, _ in
      let newBits = try ListFunctions.wholeNumber(args[1])
      let number = try bigInteger(args[2])
      let network = try parse(args[0])
      return .string(try subnet(network, newBits: newBits, number: number).description)
    },
    Function(
      "cidrsubnets", [StringFunctions.string("prefix")],
      variadic: StringFunctions.number("newbits"), returns: .list(.string)
    ) { args, _ in
      let network: IPNetwork
      switch IPNetwork.parse(args[0].stringValue ?? "") {
      case .success(let parsed): network = parsed
      case .failure(let failure):
        throw FunctionError.argument(index: 0, "invalid CIDR expression: \(failure.text)")
      }
      var lengths: [Int] = []
      for index in 1..<args.count {
        lengths.append(try ListFunctions.wholeNumber(args[index], argument: index))
      }
      return .list(try subnets(network, lengths).map { .string($0) }, elementType: .string)
    },
  ]

  /// A whole number of any size as sign and magnitude (gitform's numbers hold 38 digits).
  struct BigInteger {
    var negative: Bool
    var magnitude: UInt128
    var text: String
  }

  private static func bigInteger(_ value: Value) throws -> BigInteger {
    let n = value.numberValue ?? 0
    guard DecimalArithmetic.isInteger(n) else {
      throw FunctionError.call("value must be a whole number")
    }
    let text = NumberFormatting.string(n)
    let negative = text.hasPrefix("-")
    guard let magnitude = UInt128(negative ? String(text.dropFirst()) : text) else {
      throw FunctionError.call("value must be a whole number")
    }
    return BigInteger(negative: negative, magnitude: magnitude, text: text)
  }

  private static func parse(_ prefix: Value) throws -> IPNetwork {
    switch IPNetwork.parse(prefix.stringValue ?? "") {
    case .success(let network): return network
    case .failure(let failure): throw FunctionError.call("invalid CIDR expression: \(failure.text)")
    }
  }

  /// The low 64 bits of the magnitude, which is what `big.Int.Uint64` compares.
  private static func low64(_ n: UInt128) -> UInt128 { n & UInt128(UInt64.max) }

  /// `go-cidr`'s `HostBig`.
  static func host(_ network: IPNetwork, _ number: BigInteger) throws -> String {
    let hostLength = network.bitCount - network.prefixLength
    let maxHost: UInt128 = hostLength >= 128 ? .max : (UInt128(1) << hostLength) - 1
    var value = number.magnitude
    var printed = number.text
    var compared = low64(number.magnitude)
    if number.negative {
      compared = number.magnitude - 1
      if compared > maxHost {
        printed = "-" + String(compared - maxHost)
      } else {
        value = maxHost - compared
        printed = String(value)
      }
    }
    guard compared <= maxHost else {
      throw FunctionError.call(
        "prefix of \(network.prefixLength) does not accommodate a host numbered \(printed)")
    }
    // go-cidr shifts by the IPv4 width for a mapped address too, hence the odd results there.
    let shift = network.bitCount - (network.isIPv4Like ? 32 : 128)
    let result = network.first | (shift < 128 ? value << shift : 0)
    return IPAddressText.format(result, byteCount: network.byteCount)
  }

  /// `go-cidr`'s `SubnetBig`.
  static func subnet(_ network: IPNetwork, newBits: Int, number: BigInteger) throws -> IPNetwork {
    let newLength = network.prefixLength + newBits
    guard newLength <= network.bitCount else {
      throw FunctionError.call(
        "insufficient address space to extend prefix of \(network.prefixLength) by \(newBits)")
    }
    let maxNumber: UInt128 =
      newBits >= 0 && newBits < 64 ? (UInt128(1) << newBits) - 1 : UInt128(UInt64.max)
    guard low64(number.magnitude) <= maxNumber, newLength >= 0 else {
      throw FunctionError.call(
        "prefix extension of \(newBits) does not accommodate a subnet numbered \(number.text)")
    }
    let shift = network.bitCount - newLength
    let shifted = shift < 128 ? number.magnitude << shift : 0
    var address: UInt128
    if number.negative {
      // big.Int ORs a negative number in two's complement and keeps the magnitude.
      address = 0 &- ((0 &- shifted) | network.first)
    } else {
      address = network.first | shifted
    }
    address &= IPNetwork.mask(network.bitCount, bits: network.bitCount)
    return IPNetwork(address: address, byteCount: network.byteCount, prefixLength: newLength)
  }

  /// Terraform's `cidrsubnets`: consecutive subnets of the given extra lengths, each aligned
  /// after the previous one, all inside `network`.
  static func subnets(_ network: IPNetwork, _ extensions: [Int]) throws -> [String] {
    guard let firstExtension = extensions.first else { return [] }
    let bits = network.bitCount
    let all = IPNetwork.mask(bits, bits: bits)
    let firstLength = min(max(network.prefixLength + firstExtension, 0), bits)
    // go-cidr's PreviousSubnet: the subnet just below the network's start.
    var current = IPNetwork(
      address: (network.first &- 1) & all & IPNetwork.mask(firstLength, bits: bits),
      byteCount: network.byteCount, prefixLength: firstLength)
    var results: [String] = []
    for (offset, extra) in extensions.enumerated() {
      let index = offset + 1
      guard extra >= 1 else {
        throw FunctionError.argument(index: index, "must extend prefix by at least one bit")
      }
      guard extra <= 32 else {
        throw FunctionError.argument(index: index, "may not extend prefix by more than 32 bits")
      }
      let length = extra + network.prefixLength
      guard length <= bits else {
        throw FunctionError.argument(
          index: index,
          "would extend prefix to \(length) bits, which is too long for an "
            + "\(bits == 32 ? "IPv4" : "IPv6") address")
      }
      // go-cidr's NextSubnet: the subnet after the one holding the current subnet's end.
      let mask = IPNetwork.mask(length, bits: bits)
      let lastOfContaining = (current.last & mask) | (all ^ mask)
      let nextAddress = (lastOfContaining &+ 1) & all
      let next = IPNetwork(
        address: nextAddress & mask, byteCount: network.byteCount, prefixLength: length)
      guard nextAddress != 0, network.contains(next.address) else {
        throw FunctionError.argument(
          index: index,
          "not enough remaining address space for a subnet with a prefix of \(length) bits "
            + "after \(current.description)")
      }
      current = next
      results.append(current.description)
    }
    return results
  }
}
