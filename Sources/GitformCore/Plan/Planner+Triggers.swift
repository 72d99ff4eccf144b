import Foundation

/// `replace_triggered_by`: an instance is replaced when something it names changes in this plan.
///
/// The references are planned first (the configuration graph orders them before the instance),
/// so their changes are known when the instance is planned, as in Terraform.
extension Planner {
  /// True when a reference of the instance's `replace_triggered_by` is planned to change: a
  /// whole resource (or instance) when it is created, updated or replaced, an attribute when
  /// its value changes.
  func isReplaceTriggered(_ instance: InstanceConfig, by planned: [ResourceChange]) -> Bool {
    for expression in instance.resource.lifecycle.replaceTriggeredBy {
      guard var trigger = ReplaceTrigger(expression, scope: instance.scope) else { continue }
      // A module's references name its own resources.
      trigger.resource.module = instance.address.resource.module
      for change in planned where trigger.matches(change.address) && change.deposedKey == nil {
        switch change.action {
        case .create, .update, .deleteThenCreate, .createThenDelete:
          guard let attribute = trigger.attribute else { return true }
          let before = change.before?[attribute: attribute] ?? .null
          let after = change.after?[attribute: attribute] ?? .null
          if !after.isWhollyKnown || before != after { return true }
        case .noOp, .read, .delete, .forget:
          continue
        }
      }
    }
    return false
  }
}

/// One `replace_triggered_by` entry: `TYPE.NAME`, with an instance key and an attribute. The key
/// may be written with the instance's own `count.index` or `each.key`, as in Terraform
/// (`project_token.t[each.key].scopes`).
struct ReplaceTrigger {
  var resource: ResourceAddress
  /// nil: any instance of the resource.
  var key: InstanceKey?
  var attribute: String?

  init?(_ expression: Expression, scope: [String: Value] = [:]) {
    switch expression.kind {
    case .scopeTraversal(let traversal):
      guard let first = traversal.steps.first else { return nil }
      var steps = [first]
      var rest = traversal.steps.dropFirst()
      if let index = rest.first, case .index = index.kind {
        steps.append(index)
        rest = rest.dropFirst()
      }
      guard let address = try? InstanceAddress.parse(ReferenceChecker.text(of: Traversal(root: traversal.root, steps: steps)))
      else { return nil }
      resource = address.resource
      key = address.key
      if case .attribute(let name)? = rest.first?.kind { attribute = name }
    case .index(let collection, let keyExpression, _):
      guard case .scopeTraversal(let traversal) = collection.kind, traversal.steps.count == 1,
        let address = try? InstanceAddress.parse(ReferenceChecker.text(of: traversal))
      else { return nil }
      var context = EvalContext(mode: .plan)
      for (name, value) in scope { context.variables[name] = value }
      let (value, problems) = Evaluator.evaluate(keyExpression, in: context)
      guard problems.isEmpty else { return nil }
      if let text = value.stringValue, value.type == .string {
        key = .string(text)
      } else if case .success(let number) = value.converted(to: .number), let decimal = number.numberValue,
        let index = Int(exactly: NSDecimalNumber(decimal: decimal).doubleValue)
      {
        key = .int(index)
      } else {
        return nil
      }
      resource = address.resource
    case .relativeTraversal(let source, let steps):
      guard case .index = source.kind, let trigger = ReplaceTrigger(source, scope: scope) else { return nil }
      self = trigger
      if case .attribute(let name)? = steps.first?.kind { attribute = name }
    default:
      return nil
    }
  }

  func matches(_ address: ResourceInstanceAddress) -> Bool {
    address.resource == resource && (key == nil || address.key == key)
  }
}
