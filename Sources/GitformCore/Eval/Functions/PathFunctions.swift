import Foundation

/// Path functions: `abspath`, `basename`, `dirname`, `pathexpand`, `fileexists` and `fileset`,
/// with Go's `path/filepath` semantics on a Unix host, as Terraform has them.
enum PathFunctions {
  static let all: [Function] = [
    Function("abspath", [StringFunctions.string("path")], returns: .string) { args, _ in
      // Relative to the working directory, not the configuration: Terraform's `filepath.Abs`.
      let path = args[0].stringValue ?? ""
      let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
      return .string(clean(full))
    },
    Function("basename", [StringFunctions.string("path")], returns: .string) { args, _ in
      .string(base(args[0].stringValue ?? ""))
    },
    Function("dirname", [StringFunctions.string("path")], returns: .string) { args, _ in
      .string(directory(args[0].stringValue ?? ""))
    },
    Function("pathexpand", [StringFunctions.string("path")], returns: .string) { args, _ in
      .string(try expandHome(args[0].stringValue ?? ""))
    },
    Function("fileexists", [StringFunctions.string("path")], returns: .bool) { args, environment in
      let full = try FileFunction.resolve(args[0].stringValue ?? "", environment)
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else {
        return .false
      }
      // Terraform blames argument 1 of a one-argument function, which reads as a call failure.
      if isDirectory.boolValue {
        throw FunctionError.call("\(StringQuoting.quote(full, .go)) is a directory, not a file")
      }
      let type =
        (try? FileManager.default.attributesOfItem(atPath: full)[.type]) as? FileAttributeType
      switch type {
      case .typeCharacterSpecial?, .typeBlockSpecial?:
        throw FunctionError.call("\(StringQuoting.quote(full, .go)) is a device node, not a regular file")
      case .typeSocket?:
        throw FunctionError.call(
          "\(StringQuoting.quote(full, .go)) is a unix domain socket, not a regular file")
      case .typeRegular?, .typeSymbolicLink?, nil: break
      default: throw FunctionError.call("\(StringQuoting.quote(full, .go)) is not a regular file")
      }
      return .true
    },
    Function(
      "fileset", [StringFunctions.string("path"), StringFunctions.string("pattern")],
      returns: .set(.string)
    ) { args, environment in
      let path = args[0].stringValue ?? ""
      let root = clean(path.hasPrefix("/") ? path : environment.baseDirectory + "/" + path)
      let pattern = clean(root + "/" + (args[1].stringValue ?? ""))
      let found: [String]
      do {
        found = try Glob(pattern: pattern).files()
      } catch {
        throw FunctionError.call(
          "failed to glob pattern \(StringQuoting.quote(pattern, .go)): syntax error in pattern")
      }
      let matches = found.map { Glob.relative(clean($0), from: root) }
      return .set(matches.map { .string($0) }, elementType: .string)
    },
  ]

  /// Go's `filepath.Clean`: repeated separators, `.` and `..` elements removed lexically.
  static func clean(_ path: String) -> String {
    if path.isEmpty { return "." }
    let rooted = path.hasPrefix("/")
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      switch part {
      case ".": continue
      case "..":
        if let last = parts.last, last != ".." {
          parts.removeLast()
        } else if !rooted {
          parts.append(part)
        }
      default: parts.append(part)
      }
    }
    let joined = parts.joined(separator: "/")
    if rooted { return "/" + joined }
    return joined.isEmpty ? "." : joined
  }

  /// Go's `filepath.Base`: the last element, trailing slashes ignored.
  static func base(_ path: String) -> String {
    if path.isEmpty { return "." }
    var trimmed = Substring(path)
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
    if trimmed == "/" { return "/" }
    if let slash = trimmed.lastIndex(of: "/") {
      return String(trimmed[trimmed.index(after: slash)...])
    }
    return String(trimmed)
  }

  /// Go's `filepath.Dir`: all but the last element, cleaned.
  static func directory(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return clean(String(path[...slash]))
  }

  /// `go-homedir`'s `Expand`: a leading `~` (alone or before `/`) becomes `$HOME`.
  static func expandHome(_ path: String) throws -> String {
    guard path.hasPrefix("~") else { return path }
    let rest = path.dropFirst()
    if let next = rest.first, next != "/" && next != "\\" {
      throw FunctionError.call("cannot expand user-specific home dir")
    }
    guard let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty else {
      throw FunctionError.call("failed to expand ~: $HOME is not defined")
    }
    return clean(home + "/" + rest)
  }
}
