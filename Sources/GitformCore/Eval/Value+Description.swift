import Foundation

/// The value written the way `terraform console` writes it, on one line: `"a"`, `1`, `null`,
/// `["a", 1]`, `{a = 1}`, `tolist(["a"])`, `(known after apply)`, `(sensitive value)`.
///
/// Used in diagnostics ("var.n is \"abc\"") and tests. A sensitive value is never written out,
/// which keeps secrets out of every message built from this text.
extension Value: CustomStringConvertible {
  public var description: String {
    if isSensitive { return "(sensitive value)" }
    switch content {
    case .unknown: return "(known after apply)"
    case .null:
      switch type {
      case .dynamic: return "null"
      case .string, .number, .bool: return "to\(type.friendlyName)(null)"
      case .list, .set, .map, .tuple, .object: return "null"
      }
    case .bool(let b): return b ? "true" : "false"
    case .number(let n): return NumberFormatting.string(n)
    case .string(let s): return Value.quoted(s)
    case .elements(let elements):
      let body = "[" + elements.map(\.description).joined(separator: ", ") + "]"
      switch type {
      case .list: return "tolist(\(body))"
      case .set: return "toset(\(body))"
      default: return body
      }
    case .attributes(let attributes):
      let pairs = attributes.sorted { $0.key < $1.key }
      if case .map = type {
        return "tomap({"
          + pairs.map { "\(Value.quoted($0.key)) = \($0.value)" }
          .joined(separator: ", ") + "})"
      }
      return "{"
        + pairs.map { "\(Value.objectKey($0.key)) = \($0.value)" }
        .joined(separator: ", ") + "}"
    }
  }

  /// A string literal with HCL escapes, as the console prints it.
  static func quoted(_ s: String) -> String {
    if let ascii = quotedASCII(s) { return ascii }
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          out += String(format: "\\u%04X", scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    // `${` and `%{` would start a template in the literal; HCL doubles the introducer.
    out = out.replacingOccurrences(of: "${", with: "$${").replacingOccurrences(
      of: "%{", with: "%%{")
    return out + "\""
  }

  /// `quoted` for ASCII text, byte by byte: the plan and the claim checks quote every name of
  /// every instance, and the general path's Foundation `replacingOccurrences` dominated them.
  /// Nil for text beyond ASCII, which takes the general path (its Unicode-aware replacement).
  /// Inserting a `$` or `%` before a `{` that follows one is what the replacement does: an
  /// escape never produces `$`, `%` or `{`.
  private static func quotedASCII(_ s: String) -> String? {
    let result = s.utf8.withContiguousStorageIfAvailable { bytes -> String? in
      var plain = true
      var previous: UInt8 = 0
      for byte in bytes {
        if byte >= 0x80 { return nil }
        if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
          || (byte == UInt8(ascii: "{") && (previous == UInt8(ascii: "$") || previous == UInt8(ascii: "%")))
        {
          plain = false
        }
        previous = byte
      }
      if plain { return "\"" + s + "\"" }
      var out: [UInt8] = [UInt8(ascii: "\"")]
      out.reserveCapacity(bytes.count + 8)
      previous = 0
      for byte in bytes {
        switch byte {
        case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), byte]
        case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), byte]
        case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
        case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
        case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
        case UInt8(ascii: "{") where previous == UInt8(ascii: "$") || previous == UInt8(ascii: "%"):
          out += [previous, byte]
        default:
          if byte < 0x20 {
            out += Array(String(format: "\\u%04X", UInt32(byte)).utf8)
          } else {
            out.append(byte)
          }
        }
        previous = byte
      }
      out.append(UInt8(ascii: "\""))
      return String(decoding: out, as: UTF8.self)
    }
    // Nil twice over: not ASCII, or (a bridged string) no contiguous bytes to read.
    return result ?? nil
  }

  private static func objectKey(_ key: String) -> String {
    guard let first = key.unicodeScalars.first,
      first.properties.isIDStart || first == "_",
      key.unicodeScalars.allSatisfy({ $0.properties.isIDContinue || $0 == "-" })
    else { return quoted(key) }
    return key
  }
}
