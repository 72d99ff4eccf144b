import Foundation

/// `file(path)`: a file's contents as a string, the path relative to the configuration's
/// directory (`EvalContext.baseDirectory`), as Terraform reads it relative to the module.
enum FileFunction {
  static let all: [Function] = [
    Function("file", [StringFunctions.string("path")], returns: .string) { args, environment in
      let path = args[0].stringValue ?? ""
      let full =
        path.hasPrefix("/")
        ? path : URL(fileURLWithPath: environment.baseDirectory).appendingPathComponent(path).path
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory),
        !isDirectory.boolValue, let data = FileManager.default.contents(atPath: full)
      else {
        throw FunctionError.argument(
          index: 0,
          "no file exists at \(Value.quoted(path)); this function works only with files that are "
            + "distributed as part of the configuration source code, so if this file will be "
            + "created by a resource in this configuration you must instead obtain this result "
            + "from an attribute of that resource")
      }
      guard let text = String(data: data, encoding: .utf8) else {
        throw FunctionError.argument(
          index: 0, "contents of \(Value.quoted(path)) are not valid UTF-8")
      }
      return .string(text)
    }
  ]
}
