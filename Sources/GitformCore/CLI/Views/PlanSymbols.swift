/// The three-column action symbols of plan text, coloured only on a terminal.
struct PlanSymbols {
  let color: Bool

  func symbol(_ action: ChangeAction) -> String {
    let plain: String
    let code: String
    switch action {
    case .create: (plain, code) = ("  +", "32")
    case .update: (plain, code) = ("  ~", "33")
    case .delete: (plain, code) = ("  -", "31")
    case .read: (plain, code) = (" <=", "36")
    case .noOp: return "   "
    // Terraform's forget symbol is two columns wide.
    case .forget: return " ."
    case .createThenDelete: return paint("+", "32") + "/" + paint("-", "31")
    case .deleteThenCreate: return paint("-", "31") + "/" + paint("+", "32")
    }
    guard color else { return plain }
    return String(plain.dropLast()) + paint(String(plain.last ?? " "), code)
  }

  func paint(_ text: String, _ code: String) -> String { TerminalStyle(color: color).paint(text, code) }

  func bold(_ text: String) -> String { TerminalStyle(color: color).bold(text) }
}
