import Foundation

/// `doublestar` globbing as `fileset` uses it: `/`-separated components matched with Go's
/// `path.Match` syntax (`*`, `?`, `[...]`, `\` escapes) plus `{a,b}` alternatives, and `**`
/// matching any number of directories. Only regular files (symbolic links followed) match.
struct Glob {
  struct SyntaxError: Error {}

  let components: [String]
  let isAbsolute: Bool

  /// `pattern` cleaned (`PathFunctions.clean`), absolute or relative to the working directory.
  init(pattern: String) {
    isAbsolute = pattern.hasPrefix("/")
    components = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
  }

  private static func hasMeta(_ component: String) -> Bool {
    component.contains { "*?[{\\".contains($0) }
  }

  /// The paths of matching regular files, written from the pattern's own directory part.
  func files() throws -> [String] {
    for component in components where component != "**" {
      _ = try Self.match(Array(component.unicodeScalars), Array("".unicodeScalars))
    }
    let fixed = components.prefix { !Self.hasMeta($0) }
    var start = (isAbsolute ? "/" : "") + fixed.joined(separator: "/")
    if start.isEmpty { start = "." }
    if fixed.count == components.count {
      return Self.isRegularFile(start) ? [start] : []
    }
    var found: Set<String> = []
    let prefix = fixed.isEmpty ? (isAbsolute ? "/" : "") : start + "/"
    try walk(start, written: prefix, index: fixed.count, found: &found)
    return found.sorted()
  }

  private func walk(_ directory: String, written: String, index: Int, found: inout Set<String>)
    throws
  {
    guard index < components.count else {
      if Self.isRegularFile(directory) { found.insert(String(written.dropLast())) }
      return
    }
    let component = components[index]
    if component == "**" {
      try walk(directory, written: written, index: index + 1, found: &found)
      // `**` is zero or more path elements: the last one may be a file.
      for name in Self.entries(directory) {
        try walk(directory + "/" + name, written: written + name + "/", index: index, found: &found)
      }
      return
    }
    for name in Self.entries(directory)
    where try Self.match(Array(component.unicodeScalars), Array(name.unicodeScalars)) {
      try walk(
        directory + "/" + name, written: written + name + "/", index: index + 1, found: &found)
    }
  }

  /// Go's `filepath.Rel` for two cleaned paths of the same kind (both absolute or both not).
  static func relative(_ target: String, from base: String) -> String {
    let baseParts = base == "." ? [] : base.split(separator: "/").map(String.init)
    let targetParts = target == "." ? [] : target.split(separator: "/").map(String.init)
    var common = 0
    while common < baseParts.count, common < targetParts.count,
      baseParts[common] == targetParts[common]
    {
      common += 1
    }
    let parts = Array(repeating: "..", count: baseParts.count - common) + targetParts[common...]
    return parts.isEmpty ? "." : parts.joined(separator: "/")
  }

  private static func entries(_ directory: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
  }

  private static func isRegularFile(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && !isDirectory.boolValue
      && (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType)
        .map { $0 == .typeRegular || $0 == .typeSymbolicLink } ?? true
  }

  /// Whether `name` matches one pattern component; throws on a malformed pattern.
  static func match(_ pattern: [Unicode.Scalar], _ name: [Unicode.Scalar]) throws -> Bool {
    if let open = pattern.firstIndex(of: "{"), !isEscaped(pattern, open) {
      guard let close = pattern[open...].firstIndex(of: "}") else { throw SyntaxError() }
      let head = pattern[..<open]
      let tail = pattern[(close + 1)...]
      let alternatives = pattern[(open + 1)..<close].split(
        separator: ",", omittingEmptySubsequences: false)
      for alternative in alternatives
      where try match(Array(head + alternative + tail), name) {
        return true
      }
      return false
    }
    return try matchSimple(pattern[...], name[...])
  }

  private static func isEscaped(_ pattern: [Unicode.Scalar], _ index: Int) -> Bool {
    index > 0 && pattern[index - 1] == "\\"
  }

  private static func matchSimple(
    _ pattern: ArraySlice<Unicode.Scalar>, _ name: ArraySlice<Unicode.Scalar>
  )
    throws -> Bool
  {
    guard let first = pattern.first else { return name.isEmpty }
    switch first {
    case "*":
      let rest = pattern.dropFirst()
      var candidate = name
      while true {
        if try matchSimple(rest, candidate) { return true }
        guard !candidate.isEmpty else { return false }
        candidate = candidate.dropFirst()
      }
    case "?":
      guard !name.isEmpty else { return false }
      return try matchSimple(pattern.dropFirst(), name.dropFirst())
    case "[":
      guard let close = pattern.dropFirst(2).firstIndex(of: "]") else { throw SyntaxError() }
      var set = pattern[(pattern.startIndex + 1)..<close]
      // doublestar negates with `^` only: `[!a]` matches `!` or `a`.
      let negated = set.first == "^"
      if negated { set = set.dropFirst() }
      guard let scalar = name.first else { return false }
      var matched = false
      var items = Array(set)
      var i = 0
      while i < items.count {
        if items[i] == "\\", i + 1 < items.count { items.remove(at: i) }
        if i + 2 < items.count, items[i + 1] == "-" {
          if items[i].value <= scalar.value && scalar.value <= items[i + 2].value { matched = true }
          i += 3
        } else {
          if items[i] == scalar { matched = true }
          i += 1
        }
      }
      guard matched != negated else { return false }
      return try matchSimple(pattern[(close + 1)...], name.dropFirst())
    case "\\":
      let rest = pattern.dropFirst()
      guard let literal = rest.first else { throw SyntaxError() }
      guard name.first == literal else { return false }
      return try matchSimple(rest.dropFirst(), name.dropFirst())
    default:
      guard name.first == first else { return false }
      return try matchSimple(pattern.dropFirst(), name.dropFirst())
    }
  }
}
