import Foundation

extension FmtCommand {
  /// One `gitform fmt` invocation at work: walks the targets, formats each file and collects
  /// what to print, what went wrong and whether anything was unformatted.
  struct Run {
    let options: Options
    let context: CommandContext
    var diagnostics: [Diagnostic] = []
    /// In `-check` mode everything that would be printed is collected here instead; it is
    /// non-empty exactly when some input is not formatted.
    var checkOutput = ""
    /// Sources of files with diagnostics, for the snippets under each message.
    var sources: [DiagnosticSource] = []

    init(options: Options, context: CommandContext) {
      self.options = options
      self.context = context
    }

    /// Terraform prints through a writer that ends every write with exactly one newline.
    /// (Bytes, not Characters: in a `String`, `\r\n` is one Character that is not `\n`.)
    static func terminated(_ text: String) -> String {
      var bytes = Array(text.utf8)
      if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
      bytes.append(UInt8(ascii: "\n"))
      return String(decoding: bytes, as: UTF8.self)
    }

    mutating func emit(_ text: String) {
      if options.check {
        checkOutput += text
      } else {
        context.out(Self.terminated(text))
      }
    }

    mutating func processStandardInput() {
      let source = [UInt8](context.readStandardInput())
      process(source: source, displayName: "<stdin>", fileURL: nil)
    }

    /// A directory or file named on the command line, relative to the working directory.
    mutating func process(target: String) {
      let url = URL(fileURLWithPath: CommandLineInterface.resolve(target, against: context.workingDirectory))
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
        diagnostics.append(.error("No file or directory at \(target)"))
        return
      }
      let displayName = Self.relativePath(url.path, from: context.workingDirectory)
      if isDirectory.boolValue {
        processDirectory(url, displayName: displayName)
      } else if FmtCommand.extensions.contains(where: { target.hasSuffix($0) }) {
        processFile(url, displayName: displayName)
      } else {
        diagnostics.append(
          .error("Only .gf.hcl and .gfvars files can be processed with gitform fmt"))
      }
    }

    /// The files of a directory in byte order of their names, subdirectories in place when
    /// recursive — the order of Go's `ReadDir`, so listings match Terraform's.
    mutating func processDirectory(_ url: URL, displayName: String) {
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
        diagnostics.append(.error("Cannot read directory \(displayName)"))
        return
      }
      let sorted = names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
      for name in sorted where !Self.isIgnored(name) {
        let child = url.appendingPathComponent(name)
        let childName = Self.join(displayName, name)
        let type = (try? FileManager.default.attributesOfItem(atPath: child.path))?[.type]
        if let type = type as? FileAttributeType, type == .typeDirectory {
          if options.recursive {
            processDirectory(child, displayName: childName)
          }
        } else if FmtCommand.extensions.contains(where: { name.hasSuffix($0) }) {
          processFile(child, displayName: childName)
        }
      }
    }

    /// Hidden files, editor backups (`x~`) and Emacs lock files (`#x#`), as Terraform skips.
    static func isIgnored(_ name: String) -> Bool {
      name.hasPrefix(".") || name.hasSuffix("~") || (name.hasPrefix("#") && name.hasSuffix("#"))
    }

    /// `filepath.Join` for display: `.` vanishes and separators are not doubled.
    static func join(_ directory: String, _ name: String) -> String {
      if directory == "." || directory.isEmpty { return name }
      return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// How Terraform names files in its output: relative to the working directory, cleaned
    /// lexically (`./sub/` is `sub`, `/abs/work/x` is `x`, a sibling is `../other`).
    static func relativePath(_ path: String, from base: String) -> String {
      let target = cleanComponents(path)
      let origin = cleanComponents(base)
      var common = 0
      while common < target.count, common < origin.count, target[common] == origin[common] {
        common += 1
      }
      let parts = Array(repeating: "..", count: origin.count - common) + target[common...]
      return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// The components of an absolute path without `.`, empty parts or resolvable `..`.
    private static func cleanComponents(_ path: String) -> [String] {
      var components: [String] = []
      for part in path.split(separator: "/") where part != "." {
        if part == ".." {
          if !components.isEmpty { components.removeLast() }
        } else {
          components.append(String(part))
        }
      }
      return components
    }

    mutating func processFile(_ url: URL, displayName: String) {
      guard let data = FileManager.default.contents(atPath: url.path) else {
        diagnostics.append(.error("Failed to read \(displayName)"))
        return
      }
      process(source: [UInt8](data), displayName: displayName, fileURL: url)
    }

    /// Formats one input. Input with syntax errors is reported and left exactly as it is.
    mutating func process(source: [UInt8], displayName: String, fileURL: URL?) {
      let syntax = FmtCommand.syntaxCheck(source, filename: displayName)
      if let diagnosticSource = syntax.source {
        diagnostics += syntax.diagnostics
        sources.append(diagnosticSource)
        return
      }
      let result = Formatter().format(Lexer.tokenize(source, filename: displayName).tokens)
      if result != source {
        if options.list {
          emit(displayName + "\n")
        }
        if options.write, let fileURL {
          do {
            try FmtCommand.writeAtomically(result, to: fileURL)
          } catch {
            diagnostics.append(.error("Failed to write \(displayName)", detail: "\(error)"))
            return
          }
        }
        if options.diff {
          emit(UnifiedDiff.render(old: source, new: result, path: displayName))
        }
      }
      if !options.list && !options.write && !options.diff {
        emit(String(decoding: result, as: UTF8.self))
      }
    }
  }
}
