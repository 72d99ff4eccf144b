/// `module "NAME" { source = "./path", count | for_each, depends_on, INPUTS }`: a call of a
/// local module, with the module's configuration loaded from its folder.
///
/// The module's configuration is every `*.gf.hcl` file of the folder `source` names, relative
/// to the calling module's folder. There is one provider, so there is no `providers` argument.
public struct ModuleCall: Sendable {
  public var name: String
  /// As written: `./modules/project`.
  public var source: String
  public var count: Expression?
  public var forEach: Expression?
  /// `depends_on` entries: resources and other module calls of the calling module.
  public var dependsOn: [ConfigGraph.Node] = []
  /// Every other argument: an input variable of the module, by name, in source order.
  public var inputs: [Attribute] = []
  public var block: Block
  /// The called module, once loaded (nil when its folder could not be read).
  public var module: LoadedModule?

  /// Every expression of the call, as its caller evaluates them.
  var expressions: [Expression] {
    [count, forEach].compactMap { $0 } + inputs.map(\.expression)
  }
}
