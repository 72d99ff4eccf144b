import Foundation

/// GitLab's `rules:if` expressions as far as pipelines here use them: `$VAR` (defined and not
/// empty), `==` and `!=` between variables and quoted strings, `&&`, `||` and parentheses.
enum CIExpression {
  enum Token: Equatable {
    case variable(String), string(String), equal, notEqual, and, or, open, close
  }

  static func evaluate(_ text: String, _ variables: [String: String]) throws -> Bool {
    var tokens = try tokenize(text)[...]
    let result = try disjunction(&tokens, variables)
    guard tokens.isEmpty else { throw CIPipeline.Problem.invalid("unexpected \(tokens) in \(text)") }
    return result
  }

  private static func tokenize(_ text: String) throws -> [Token] {
    var tokens: [Token] = []
    var rest = Substring(text)
    while let first = rest.first {
      if first == " " { rest.removeFirst(); continue }
      for (spelling, token) in [("==", Token.equal), ("!=", .notEqual), ("&&", .and), ("||", .or), ("(", .open), (")", .close)]
      where rest.hasPrefix(spelling) {
        tokens.append(token)
        rest.removeFirst(spelling.count)
      }
      guard let next = rest.first, next != " " else { continue }
      if next == "$" {
        let name = rest.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        tokens.append(.variable(String(name)))
        rest.removeFirst(name.count + 1)
      } else if next == "\"" || next == "'" {
        let body = rest.dropFirst().prefix { $0 != next }
        tokens.append(.string(String(body)))
        rest.removeFirst(body.count + 2)
      } else if !"=!&|()".contains(next) {
        throw CIPipeline.Problem.invalid("cannot read \(rest) in \(text)")
      }
    }
    return tokens
  }

  private static func disjunction(_ tokens: inout ArraySlice<Token>, _ variables: [String: String]) throws -> Bool {
    var value = try conjunction(&tokens, variables)
    while tokens.first == .or {
      tokens.removeFirst()
      let right = try conjunction(&tokens, variables)
      value = value || right
    }
    return value
  }

  private static func conjunction(_ tokens: inout ArraySlice<Token>, _ variables: [String: String]) throws -> Bool {
    var value = try comparison(&tokens, variables)
    while tokens.first == .and {
      tokens.removeFirst()
      let right = try comparison(&tokens, variables)
      value = value && right
    }
    return value
  }

  private static func comparison(_ tokens: inout ArraySlice<Token>, _ variables: [String: String]) throws -> Bool {
    if tokens.first == .open {
      tokens.removeFirst()
      let value = try disjunction(&tokens, variables)
      guard tokens.popFirst() == .close else { throw CIPipeline.Problem.invalid("missing )") }
      return value
    }
    let left = try operand(&tokens, variables)
    guard let comparator = tokens.first, comparator == .equal || comparator == .notEqual else {
      return !(left ?? "").isEmpty
    }
    tokens.removeFirst()
    let right = try operand(&tokens, variables)
    return (left == right) == (comparator == .equal)
  }

  private static func operand(_ tokens: inout ArraySlice<Token>, _ variables: [String: String]) throws -> String? {
    switch tokens.popFirst() {
    case .variable(let name): return variables[name]
    case .string(let text): return text
    default: throw CIPipeline.Problem.invalid("expected a variable or a string")
    }
  }
}
