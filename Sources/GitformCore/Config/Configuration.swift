/// Config: from syntax trees to a checked `Configuration` and its evaluation.
///
/// For: which blocks exist (resource, data, variable, locals, output, provider, import, module
/// calls and the modules they load from their folders), their meta-arguments (count, for_each,
/// depends_on, lifecycle), input variable values, references between blocks, the order they must be evaluated in, and every check that needs only the
/// configuration and the schemas (unknown names with "Did you mean", required arguments, types,
/// cycles). Not for: GitLab, state or deciding changes — Plan/ drives the walk defined here and
/// says what each resource instance evaluates to.

/// Every `*.gf.hcl` file of one directory, decoded.
public struct Configuration: Sendable {
  public var directory: String
  /// The resource and data source types its blocks are checked against.
  public var catalog: ResourceCatalog
  /// File name → contents, for diagnostic snippets.
  public var sources: [String: [UInt8]]
  /// File name → its syntax tree, kept so that diagnostics' block headers need no second parse.
  public var syntaxFiles: [String: SyntaxFile] = [:]
  /// Managed resources and data sources, sorted by address.
  public var resources: [ResourceBlock]
  public var variables: [VariableBlock]
  public var locals: [LocalValue]
  public var outputs: [OutputBlock]
  public var provider: ProviderBlock?
  public var imports: [ImportBlock]
  /// `moved` blocks, in file order.
  public var moved: [MovedBlock] = []
  /// `removed` blocks, in file order.
  public var removed: [RemovedBlock] = []
  /// `check` blocks, in file order.
  public var checks: [CheckBlock] = []
  /// `gitform { backend "TYPE" { ... } }`; nil for the local state file.
  public var backend: BackendBlock?
  /// `module` calls, sorted by name once decoded.
  public var modules: [ModuleCall] = []
  /// Where this configuration sits: empty for the root module, else the calls leading to it
  /// (`module.team.module.inner`, without instance keys), for messages.
  public var modulePath: [String] = []
  /// `resources` positions by address; rebuilt by `indexResources()` after any change.
  private var resourceIndex: [ResourceAddress: Int] = [:]
  /// `locals` positions by name; rebuilt by `indexLocals()` after any change.
  private var localIndex: [String: Int] = [:]

  public init(directory: String, catalog: ResourceCatalog = .standard) {
    self.directory = directory
    self.catalog = catalog
    sources = [:]
    resources = []
    variables = []
    locals = []
    outputs = []
    provider = nil
    imports = []
    backend = nil
  }

  /// The resource block at an address, in constant time (configurations reach 10,000 blocks).
  public func resource(_ mode: ResourceMode, _ type: String, _ name: String) -> ResourceBlock? {
    resourceIndex[ResourceAddress(mode: mode, type: type, name: name)].map { resources[$0] }
  }

  /// The local value with this name: in constant time once indexed (configurations reach
  /// 10,000 locals, each referring to others), by a scan for a name the index lacks.
  public func local(_ name: String) -> LocalValue? {
    if let position = localIndex[name], position < locals.count, locals[position].name == name {
      return locals[position]
    }
    return locals.first { $0.name == name }
  }

  /// "the root module" or "module.team", as Terraform names a module in messages.
  var moduleDescription: String {
    modulePath.isEmpty ? "the root module" : modulePath.map { "module." + $0 }.joined(separator: ".")
  }

  /// The module call with this name, if this module has one.
  public func moduleCall(_ name: String) -> ModuleCall? {
    modules.first { $0.name == name }
  }

  /// Every resource block of this module and of the modules it calls, once per call (not per
  /// instance): what a check of the blocks themselves looks at.
  public var resourcesIncludingModules: [ResourceBlock] {
    modules.isEmpty ? resources : resources + modules.flatMap { $0.module?.configuration.resourcesIncludingModules ?? [] }
  }

  /// The module that `steps` lead to (keys ignored); nil for the root module or a call that
  /// does not exist.
  public func loadedModule(at steps: [ModuleStep]) -> LoadedModule? {
    var module: LoadedModule?
    for step in steps {
      guard let child = (module?.configuration ?? self).moduleCall(step.name)?.module else { return nil }
      module = child
    }
    return module
  }

  /// The resource block of `address` in the module its module steps lead to (keys ignored:
  /// every instance of a call has the same blocks).
  public func resourceBlock(_ address: ResourceAddress) -> ResourceBlock? {
    if address.module.isEmpty { return resource(address.mode, address.type, address.name) }
    var configuration = self
    for step in address.module {
      guard let child = configuration.moduleCall(step.name)?.module else { return nil }
      configuration = child.configuration
    }
    return configuration.resource(address.mode, address.type, address.name)
  }

  mutating func indexLocals() {
    localIndex = [:]
    for (position, local) in locals.enumerated() where localIndex[local.name] == nil {
      localIndex[local.name] = position
    }
  }

  mutating func indexResources() {
    resourceIndex = [:]
    resourceIndex.reserveCapacity(resources.count)
    for (position, resource) in resources.enumerated() { resourceIndex[resource.address] = position }
  }
}

/// `backend "TYPE" { ... }` inside the top-level `gitform` block, with its literal settings as
/// text (numbers as written, booleans as `true`/`false`), for the Backend layer to resolve.
public struct BackendBlock: Sendable {
  public var type: String
  public var attributes: [String: String]
  public var block: Block
}

/// `resource "TYPE" "NAME" { ... }` or `data "TYPE" "NAME" { ... }`.
public struct ResourceBlock: Sendable {
  public var mode: ResourceMode
  public var type: String
  public var name: String
  public var block: Block
  public var count: Expression?
  public var forEach: Expression?
  /// `depends_on` entries as resource addresses (without instance keys).
  public var dependsOn: [ResourceAddress]
  /// `depends_on` entries naming module calls (`module.team`).
  public var dependsOnModules: [String] = []
  public var lifecycle: Lifecycle
  /// `dynamic` blocks generating nested blocks, expanded per instance by the walker.
  public var dynamicBlocks: [DynamicBlock] = []
  /// For a data source declared inside a `check` block, the check's name: failing to read it
  /// only warns, as everything in a check does.
  public var check: String? = nil

  public var address: ResourceAddress { ResourceAddress(mode: mode, type: type, name: name) }
}

/// `lifecycle { ... }` of a resource.
public struct Lifecycle: Sendable, Equatable {
  /// nil: the type's default order for replacements.
  public var createBeforeDestroy: Bool?
  public var preventDestroy = false
  /// Attributes whose configured changes are ignored after creation.
  public var ignoreChanges: [String] = []
  public var ignoreAllChanges = false
  /// `precondition` blocks: checked before the instance is planned.
  public var preconditions: [ConditionRule] = []
  /// `postcondition` blocks: checked against `self` once the object is known.
  public var postconditions: [ConditionRule] = []
  /// `replace_triggered_by`: references whose planned change replaces this resource.
  public var replaceTriggeredBy: [Expression] = []

  public init() {}
}

/// `variable "NAME" { ... }`.
public struct VariableBlock: Sendable {
  public var name: String
  public var type: ValueType
  /// What `optional(...)` attributes in `type` add: applied to a value before conversion.
  public var typeDefaults: TypeDefaults? = nil
  public var defaultValue: Value?
  public var description: String
  public var sensitive: Bool
  public var nullable: Bool
  public var validations: [VariableValidation]
  public var block: Block
}

/// `validation { condition = ..., error_message = ... }` of a variable.
public struct VariableValidation: Sendable {
  public var condition: Expression
  public var errorMessage: Expression
}

/// One attribute of a `locals` block.
public struct LocalValue: Sendable {
  public var name: String
  public var expression: Expression
  public var range: SourceRange
}

/// `output "NAME" { value = ..., sensitive = ... }`.
public struct OutputBlock: Sendable {
  public var name: String
  public var value: Expression
  public var description: String
  public var sensitive: Bool
  public var block: Block
}

/// `provider "gitlab" { ... }`: expressions, evaluated with the variables.
public struct ProviderBlock: Sendable {
  public var baseURL: Expression?
  public var token: Expression?
  public var insecure: Expression?
  public var caCertificateFile: Expression?
  /// gitform's own: allow `http://` to a host that is not loopback.
  public var insecureHTTP: Expression?
  /// gitform's own: seconds a request may go without progress.
  public var requestTimeout: Expression?
  /// gitform's own: sends of a failed idempotent request after the first.
  public var retries: Expression?
  public var block: Block

  /// Every attribute's expression, by name: what references are checked and values evaluated in.
  public var expressions: [(name: String, expression: Expression)] {
    [
      ("base_url", baseURL), ("token", token), ("insecure", insecure),
      ("cacert_file", caCertificateFile), ("insecure_http", insecureHTTP),
      ("request_timeout", requestTimeout), ("retries", retries),
    ].compactMap { name, expression in expression.map { (name, $0) } }
  }
}

/// `import { to = ADDR, id = "..." }`.
public struct ImportBlock: Sendable {
  public var to: ResourceInstanceAddress
  public var id: Expression
  public var block: Block
}

extension VariableBlock {
  /// A value converted to the variable's type, defaults of optional attributes applied first
  /// as Terraform applies them.
  public func convert(_ value: Value) -> Result<Value, ConversionError> {
    (typeDefaults?.apply(value) ?? value).converted(to: type)
  }
}
