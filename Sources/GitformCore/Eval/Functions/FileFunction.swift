import Foundation

/// `file(path)` and the functions that read a file's bytes (`filebase64`, `filemd5`,
/// `filesha1`, `filesha256`, `filesha512`, `filebase64sha256`, `filebase64sha512`), the path
/// relative to the configuration's directory (`EvalContext.baseDirectory`) after expanding a
/// leading `~`, as Terraform reads it relative to the module.
enum FileFunction {
  static let all: [Function] = [
    Function("file", [StringFunctions.string("path")], returns: .string) { args, environment in
      let path = args[0].stringValue ?? ""
      let data = try read(path, environment)
      guard let text = String(validating: data, as: UTF8.self) else {
        throw FunctionError.call(
          "contents of \(StringQuoting.quote(path, .go)) are not valid UTF-8; use the filebase64 function to "
            + "obtain the Base64 encoded contents or the other file functions (e.g. filemd5, "
            + "filesha256) to obtain file hashing results instead")
      }
      return .string(text)
    },
    Function("filebase64", [StringFunctions.string("path")], returns: .string) {
      args, environment in
      .string(Base64.encode(try read(args[0].stringValue ?? "", environment)))
    },
    reading("filemd5") { Hex.string(MD5.hash($0)) },
    reading("filesha1") { Hex.string(SHA1.hash($0)) },
    reading("filesha256") { SHA256.hexDigest($0) },
    reading("filesha512") { Hex.string(SHA512.hash($0)) },
    reading("filebase64sha256") { Base64.encode(SHA256.hash($0)) },
    reading("filebase64sha512") { Base64.encode(SHA512.hash($0)) },
  ]

  private static func reading(
    _ name: String, _ transform: @escaping @Sendable ([UInt8]) -> String
  ) -> Function {
    Function(name, [StringFunctions.string("path")], returns: .string) { args, environment in
      // The hashing functions open the file themselves and report Go's own error text.
      let path = args[0].stringValue ?? ""
      let full = try resolve(path, environment)
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else {
        throw FunctionError.call("open \(full): no such file or directory")
      }
      guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: full) else {
        throw FunctionError.call(
          isDirectory.boolValue ? "read \(full): is a directory" : "open \(full): permission denied")
      }
      return .string(transform([UInt8](data)))
    }
  }

  /// The full path Terraform opens for `path`: `~` expanded, joined to the base directory
  /// when relative, cleaned.
  static func resolve(_ path: String, _ environment: FunctionEnvironment) throws -> String {
    let expanded = try PathFunctions.expandHome(path)
    let joined =
      expanded.hasPrefix("/") ? expanded : environment.baseDirectory + "/" + expanded
    return PathFunctions.clean(joined)
  }

  /// The bytes of the file at `path`, or Terraform's error for a missing one.
  static func read(_ path: String, _ environment: FunctionEnvironment) throws -> [UInt8] {
    let full = try resolve(path, environment)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else {
      throw FunctionError.argument(
        index: 0,
        "no file exists at \(StringQuoting.quote(path, .go)); this function works only with files that are "
          + "distributed as part of the configuration source code, so if this file will be "
          + "created by a resource in this configuration you must instead obtain this result "
          + "from an attribute of that resource")
    }
    guard !isDirectory.boolValue else {
      throw FunctionError.argument(index: 0, "failed to read file: read \(full): is a directory")
    }
    guard let data = FileManager.default.contents(atPath: full) else {
      throw FunctionError.argument(index: 0, "open \(full): permission denied")
    }
    return [UInt8](data)
  }
}
