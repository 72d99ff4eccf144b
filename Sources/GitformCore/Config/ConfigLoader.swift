import Foundation

/// Reads every `*.gf.hcl` file of a directory (sorted by name, not recursive) and decodes the
/// top-level blocks into a `Configuration`, collecting every diagnostic.
public enum ConfigLoader {
  public static let fileSuffix = ".gf.hcl"
  static let blockTypes = [
    "check", "data", "gitform", "import", "locals", "module", "moved", "output", "provider", "removed", "resource", "variable",
  ]

  /// Whether `directory` has any configuration file (false when it cannot be listed).
  public static func hasConfigurationFiles(in directory: String) -> Bool {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.contains { $0.hasSuffix(fileSuffix) }
  }

  /// Loads `directory`. An unreadable directory or no configuration files is one error.
  public static func load(directory: String, catalog: ResourceCatalog = .standard) -> (Configuration, [Diagnostic]) {
    var configuration = Configuration(directory: directory, catalog: catalog)
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory)
        .filter { $0.hasSuffix(fileSuffix) }.sorted()
    } catch {
      return (
        configuration,
        [.error("Failed to read directory", detail: "Cannot list \(directory): \(error.localizedDescription)")]
      )
    }
    var files: [(String, [UInt8])] = []
    var diagnostics: [Diagnostic] = []
    for name in names {
      let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
      guard let data = FileManager.default.contents(atPath: path) else {
        diagnostics.append(.error("Failed to read file", detail: "Cannot read \(name)."))
        continue
      }
      files.append((name, Array(data)))
    }
    let (decoded, more) = decode(files: files, directory: directory, catalog: catalog)
    configuration = decoded
    return (configuration, diagnostics + more)
  }

  /// Decodes already-read files; `files` are (name, contents) in the order to read them.
  public static func decode(
    files: [(String, [UInt8])], directory: String, catalog: ResourceCatalog = .standard
  ) -> (Configuration, [Diagnostic]) {
    decode(
      parsed: files.map { name, source in
        let (file, diagnostics) = Parser.parse(source, filename: name)
        return ParsedFile(name: name, source: source, file: file, diagnostics: diagnostics)
      }, directory: directory, catalog: catalog)
  }

  /// One configuration file already parsed, with its syntax diagnostics.
  public struct ParsedFile {
    public var name: String
    public var source: [UInt8]
    public var file: SyntaxFile
    public var diagnostics: [Diagnostic]

    public init(name: String, source: [UInt8], file: SyntaxFile, diagnostics: [Diagnostic]) {
      self.name = name
      self.source = source
      self.file = file
      self.diagnostics = diagnostics
    }
  }

  /// Decodes files the caller has parsed already (`validate` parses first to report syntax
  /// errors alone; parsing again was a tenth of its time on large configurations).
  public static func decode(
    parsed files: [ParsedFile], directory: String, catalog: ResourceCatalog = .standard
  ) -> (Configuration, [Diagnostic]) {
    decoder(parsed: files, directory: directory, catalog: catalog, checksReferences: true).finished
  }

  /// The same without the check of references, which comes back to run beside other work: its
  /// diagnostics belong after the returned ones (where `decode` puts them). `validate` checks
  /// references while it builds the graph and walks, and reports them first if they fail.
  public static func decodeDeferringReferences(
    parsed files: [ParsedFile], directory: String, catalog: ResourceCatalog = .standard
  ) -> (Configuration, [Diagnostic], ReferenceCheck) {
    let decoder = decoder(parsed: files, directory: directory, catalog: catalog, checksReferences: false)
    let (configuration, diagnostics) = decoder.finished
    return (configuration, diagnostics, decoder.check)
  }

  private static func decoder(
    parsed files: [ParsedFile], directory: String, catalog: ResourceCatalog, checksReferences: Bool
  ) -> (finished: (Configuration, [Diagnostic]), check: ReferenceCheck) {
    var decoder = ConfigDecoder(configuration: Configuration(directory: directory, catalog: catalog))
    decoder.checksReferences = checksReferences
    for parsed in files {
      decoder.configuration.sources[parsed.name] = parsed.source
      decoder.configuration.syntaxFiles[parsed.name] = parsed.file
      decoder.diagnostics += parsed.diagnostics
      decoder.decodeFile(parsed.file.body)
    }
    decoder.finish()
    return ((decoder.configuration, decoder.diagnostics), decoder.referenceCheck)
  }
}
