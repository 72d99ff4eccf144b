import Foundation

/// Loads the folders that `module` calls name, recursively, and checks each call's arguments
/// against the called module's variables.
///
/// A module's files are named relative to the root module's folder in diagnostics
/// (`modules/project/main.gf.hcl`), and their sources join the root configuration's, so every
/// diagnostic gets its snippet. A folder that is already being loaded higher up the chain is
/// a recursive call and an error, as is a chain deeper than `maximumDepth`.
struct ModuleLoader {
  /// Deeper than this, a chain of module calls is a mistake, not a design.
  static let maximumDepth = 32

  /// The root module's folder, which every relative name starts from.
  let rootDirectory: String
  let catalog: ResourceCatalog

  /// Loads every call of `configuration` (a module at `relativePath` from the root, called
  /// through the folders in `ancestry`); returns the diagnostics of every module loaded.
  func loadCalls(
    of configuration: inout Configuration, relativePath: String, ancestry: [String]
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    configuration.modules.sort { $0.name < $1.name }
    for index in configuration.modules.indices {
      let call = configuration.modules[index]
      let path = ModuleLoader.join(relativePath, call.source)
      let absolute = ModuleLoader.canonical(rootDirectory, path)
      let sourceRange = call.block.body.attributes.first { $0.name == "source" }?.expression.range ?? call.block.definitionRange
      if ancestry.contains(absolute) || ancestry.count >= ModuleLoader.maximumDepth {
        let chain = (configuration.modulePath + [call.name]).map { "module." + $0 }.joined(separator: ".")
        diagnostics.append(
          .error(
            "Recursive module call",
            detail: "\(chain) calls \(Value.quoted(call.source)), which is one of the modules that lead to it: a module cannot call itself, directly or through other modules.",
            subject: sourceRange))
        continue
      }
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory), isDirectory.boolValue else {
        diagnostics.append(
          .error(
            "Unreadable module directory",
            detail: "The module source \(Value.quoted(call.source)) of module \(Value.quoted(call.name)) names the folder \(path), which does not exist.",
            subject: sourceRange))
        continue
      }
      let names = ((try? FileManager.default.contentsOfDirectory(atPath: absolute)) ?? [])
        .filter { $0.hasSuffix(ConfigLoader.fileSuffix) }.sorted()
      guard !names.isEmpty else {
        diagnostics.append(
          .error(
            "Module has no configuration files",
            detail: "The folder \(path) of module \(Value.quoted(call.name)) has no \(ConfigLoader.fileSuffix) files.",
            subject: sourceRange))
        continue
      }
      var parsed: [ConfigLoader.ParsedFile] = []
      for name in names {
        let display = path == "." ? name : path + "/" + name
        guard let data = FileManager.default.contents(atPath: absolute + "/" + name) else {
          diagnostics.append(.error("Failed to read file", detail: "Cannot read \(display)."))
          continue
        }
        let (file, syntax) = Parser.parse(Array(data), filename: display)
        parsed.append(ConfigLoader.ParsedFile(name: display, source: Array(data), file: file, diagnostics: syntax))
      }
      var decoder = ConfigDecoder(configuration: Configuration(directory: absolute, catalog: catalog))
      decoder.configuration.modulePath = configuration.modulePath + [call.name]
      decoder.loader = (self, path, ancestry + [absolute])
      for file in parsed {
        decoder.configuration.sources[file.name] = file.source
        decoder.configuration.syntaxFiles[file.name] = file.file
        decoder.diagnostics += file.diagnostics
        decoder.decodeFile(file.file.body)
      }
      decoder.diagnostics += decoder.moduleRestrictions()
      decoder.finish()
      diagnostics += decoder.diagnostics
      let child = decoder.configuration
      for (name, source) in child.sources { configuration.sources[name] = source }
      for (name, file) in child.syntaxFiles { configuration.syntaxFiles[name] = file }
      let (graph, graphDiagnostics) = ConfigGraph.build(child)
      diagnostics += graphDiagnostics
      configuration.modules[index].module = LoadedModule(configuration: child, graph: graph, path: path)
      diagnostics += ModuleLoader.inputProblems(configuration.modules[index], child)
    }
    return diagnostics
  }

  /// Arguments the module has no variable for, and variables without a default not given.
  static func inputProblems(_ call: ModuleCall, _ module: Configuration) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let declared = Set(module.variables.map(\.name))
    for input in call.inputs where !declared.contains(input.name) {
      let likely = NameSuggestion.suggest(input.name, among: module.variables.map(\.name).sorted())
        .map { " Did you mean \(Value.quoted($0))?" } ?? ""
      diagnostics.append(
        .error(
          "Unsupported argument",
          detail: "An argument named \(Value.quoted(input.name)) is not expected here.\(likely)", subject: input.nameRange))
    }
    let given = Set(call.inputs.map(\.name))
    for variable in module.variables where variable.defaultValue == nil && !given.contains(variable.name) {
      diagnostics.append(
        .error(
          "Missing required argument",
          detail: "The argument \(Value.quoted(variable.name)) is required, but no definition was found.",
          subject: call.block.openBraceRange))
    }
    return diagnostics
  }

  /// `base` joined with a relative `source`, `.` and `..` resolved where they can be:
  /// `modules/a` + `../b` is `modules/b`; `.` + `../shared` stays `../shared`.
  static func join(_ base: String, _ source: String) -> String {
    var parts = base == "." || base.isEmpty ? [] : base.split(separator: "/").map(String.init)
    for part in source.split(separator: "/").map(String.init) {
      switch part {
      case ".", "": continue
      case "..":
        if let last = parts.last, last != ".." { parts.removeLast() } else { parts.append("..") }
      default: parts.append(part)
      }
    }
    return parts.isEmpty ? "." : parts.joined(separator: "/")
  }

  /// The folder's absolute path with links resolved: how two calls of one folder are recognised.
  static func canonical(_ root: String, _ relative: String) -> String {
    URL(fileURLWithPath: root).appendingPathComponent(relative).standardizedFileURL.resolvingSymlinksInPath().path
  }
}
