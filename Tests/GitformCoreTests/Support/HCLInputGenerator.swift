/// Deterministic generator of HCL inputs, valid and broken, for robustness tests.
///
/// Shared by the lexer/parser, formatter and evaluator robustness tests. Everything comes
/// from a seeded SplitMix64, so a failure names its input index and reproduces exactly.
/// Kinds of input: the valid `corpus` (every construct of the language), truncations of it at
/// every byte offset, random mutations (byte flips, deletions, duplications, inserted
/// tokens), random bytes, deep nesting, huge numbers and unterminated everything.
struct HCLInputGenerator {
  /// Valid files covering every construct: blocks and labels, one-line blocks, comments,
  /// numbers, templates with escapes, strip markers and directives, heredocs, collections,
  /// `for`, splats, function calls, operators, conditionals, legacy indexes, CRLF.
  static let corpus: [String] = [
    """
    # Tokens for the CI bots
    // and a slash comment
    /* and a
       block comment */
    variable "env" {
      default = "staging"
    }

    locals {
      levels = { guest = 10, "reporter" = 20, (var.k) = 30, maintainer: 40 }
      groups = ["platform", "data", "web",]
      n      = -1.5e3 + 2 * 3 / 4 % 5 - (6 - 7)
      ok     = !false && true || 1 >= 2 && 3 <= 4 && 5 > 6 || 7 < 8 && 9 == 9 && "a" != "b"
      pick   = var.env == "prod" ? local.levels.maintainer : local.levels["guest"]
      names  = [for i, g in local.groups : upper(g) if i > 0]
      index  = { for g in local.groups : g => length(g)... if g != "" }
      legacy = [[1, 2]].0[1]
      splat  = var.list[*].name
      attrs  = var.list.*.id
      args   = concat(["a"], local.groups...)
      nul    = null
    }

    resource "project_token" "svc" {
      project      = "${local.groups[0]}/service"
      name         = "svc-${var.env}-%{ if var.env == "prod" }p%{ else }np%{ endif }"
      scopes       = ["read_api", "read_repository"]
      description  = "escapes: \\t \\" \\\\ \\u00e9 \\U0001F600 $${lit} %%{lit}"
      stripped     = "a ${~ "b" ~} c %{~ for s in local.groups ~} ${s}, %{~ endfor ~}"
      expires_at   = formatdate("YYYY-MM-DD", timeadd(plantimestamp(), "720h"))
      note         = <<-EOT
        Managed by gitform for ${var.env}.
          Indented line.
        EOT
      raw          = <<EOT
    literal \\n backslash ${upper("x")}
    EOT

      rotation { days = 30 }
      nested "label" bare {
        deep {
        }
      }
    }
    """,
    "a = 1\r\nb {\r\n  c = \"x\"\r\n}\r\n",
    "x = { \"for\" = 1 }\ny = \"${true}\"\nz = [\"x\"][*]\n",
    "w = try(local.a.b, can(regex(\"x\", \"y\")), tolist([]))\nv = jsonencode({ a = [1, 2, { b = null }] })\n",
  ]

  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  /// SplitMix64.
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }

  /// Every prefix of `input`, from empty to complete.
  static func truncations(of input: [UInt8]) -> [[UInt8]] {
    (0...input.count).map { Array(input[0..<$0]) }
  }

  /// Fragments that stress the lexer's modes and the parser's recovery when spliced in.
  static let fragments: [String] = [
    "{", "}", "[", "]", "(", ")", "\"", "${", "%{", "~}", "<<EOT\n", "<<-EOT\n", "EOT\n", "\n", "\r\n",
    "/*", "*/", "#", "//", "...", "=>", "?", ":", "=", ",", ".", ".*", "[*]", "for ", " in ", "if ",
    "%{ endif }", "%{ else }", "%{ endfor }", "\\", "'", ";", "“", "\u{FEFF}", "\t", "0.0.1", "1e",
    "99999999999999999999999999999999999999999999", "-", "!", "&&", "||", "null", "true",
  ]

  /// A random edit of `input`: flip, delete, duplicate a span, or insert a fragment.
  mutating func mutate(_ input: [UInt8]) -> [UInt8] {
    var bytes = input
    for _ in 0..<(1 + below(4)) {
      let at = below(bytes.count + 1)
      switch below(5) {
      case 0 where !bytes.isEmpty:
        bytes[min(at, bytes.count - 1)] = UInt8(truncatingIfNeeded: next())
      case 1 where !bytes.isEmpty:
        let end = min(bytes.count, at + 1 + below(16))
        bytes.removeSubrange(min(at, bytes.count - 1)..<end)
      case 2 where !bytes.isEmpty:
        let start = min(at, bytes.count - 1)
        let end = min(bytes.count, start + 1 + below(64))
        bytes.insert(contentsOf: Array(bytes[start..<end]), at: start)
      default:
        let fragment = Self.fragments[below(Self.fragments.count)]
        bytes.insert(contentsOf: Array(fragment.utf8), at: at)
      }
    }
    return bytes
  }

  mutating func randomBytes(maximumLength: Int) -> [UInt8] {
    let length = below(maximumLength + 1)
    // Half the time, printable ASCII and HCL punctuation; else any byte.
    if below(2) == 0 {
      let alphabet = Array("ab01 =\n{}[]()\"$%~.,*<>-!?:#/\\".utf8)
      return (0..<length).map { _ in alphabet[below(alphabet.count)] }
    }
    return (0..<length).map { _ in UInt8(truncatingIfNeeded: next()) }
  }

  /// Inputs nested or chained `depth` levels deep: brackets, calls, operators, templates,
  /// directives, blocks, splats and traversal chains. Each must stop at the nesting limit.
  static func deeplyNested(depth: Int = 3_000) -> [[UInt8]] {
    let openers = ["[", "(", "{a = ", "f(", "-", "!", "\"${", "a[", "x ? 1 : "].map {
      "x = " + String(repeating: $0, count: depth) + "1\n"
    }
    let others = [
      String(repeating: "b {\n", count: depth),
      "x = \"" + String(repeating: "%{ if x }", count: depth) + "\"\n",
      "x = a" + String(repeating: "[*]", count: depth) + "\n",
      "x = a" + String(repeating: "[b]", count: depth) + "\n",
      "x = a" + String(repeating: ".b", count: depth) + "\n",
      "x = " + String(repeating: "1 + ", count: depth) + "1\n",
    ]
    return (openers + others).map { Array($0.utf8) }
  }

  /// Deeply nested and otherwise extreme inputs, each a few kilobytes at most.
  static func pathological(depth: Int = 3_000) -> [[UInt8]] {
    let others = [
      "x = " + String(repeating: "9", count: depth) + "\n",
      "x = 1" + String(repeating: "e", count: 10) + "\n",
      "x = \"" + String(repeating: "\\", count: depth),
      "x = <<EOT\n" + String(repeating: "line ${a}\n", count: 200),
      "x = \"" + String(repeating: "${", count: depth),
      "x = \"" + String(repeating: "%{ for a in b }", count: depth) + "\"\n",
      String(repeating: "a = 1\n", count: 2_000),
      String(repeating: "}", count: depth),
      String(repeating: "]", count: depth),
      "/*" + String(repeating: "x", count: depth),
    ]
    return deeplyNested(depth: depth) + others.map { Array($0.utf8) }
  }

  /// `count` inputs mixing all the kinds above, deterministically.
  mutating func mixedInputs(count: Int) -> [[UInt8]] {
    let corpus = Self.corpus.map { Array($0.utf8) }
    var inputs: [[UInt8]] = []
    inputs.reserveCapacity(count)
    while inputs.count < count {
      let source = corpus[below(corpus.count)]
      switch below(8) {
      case 0, 1: inputs.append(randomBytes(maximumLength: 200))
      case 2: inputs.append(mutate(source))
      default:
        // A window of a valid file (cut at both ends), then mutated: small and varied.
        let start = below(source.count)
        let end = min(source.count, start + 1 + below(300))
        inputs.append(mutate(Array(source[start..<end])))
      }
    }
    return inputs
  }
}
