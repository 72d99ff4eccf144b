import Foundation

/// The expiry report as an aligned text table and as JSON. Neither ever holds a token value:
/// rows carry ids, names and dates only.
struct ExpiryReportView {
  let report: ExpiryReport

  private var today: CalendarDate { report.today }
  private var window: Int { report.window }
  private var entries: [ExpiryReport.Entry] { report.entries }
  private var unmanaged: [ExpiryReport.Unmanaged] { report.unmanaged }

  func table(listAll: Bool) -> String {
    var text = "Token expiry as of \(today) (UTC), window \(window) \(window == 1 ? "day" : "days").\n\n"
    if entries.isEmpty {
      text += "No managed tokens.\n"
    } else {
      var rows = [["ADDRESS", "ID", "EXPIRES", "DAYS LEFT", "ROTATES ON", "STATUS", "NEXT APPLY"]]
      for entry in entries {
        rows.append([
          entry.address, entry.id, entry.expiresAt?.description ?? "never",
          entry.daysLeft.map(String.init) ?? "-", entry.rotatesOn?.description ?? "-",
          entry.status.rawValue, entry.plannedAction ?? "-",
        ])
      }
      text += Self.align(rows, rightAligned: [3]) + "\n"
      let count = report.attentionCount
      if count == 0 {
        text += "No token is expired, revoked or due within \(window) \(window == 1 ? "day" : "days").\n"
      } else {
        // gitform apply cannot help a token whose fixed expires_at has passed: say what can.
        let stuck = entries.filter { $0.advice != nil }
        text += "\(count) of \(entries.count) \(entries.count == 1 ? "token needs" : "tokens need") attention: expired, revoked, or expiring or rotating within \(window) \(window == 1 ? "day" : "days")."
        text += count > stuck.count ? " Run gitform apply to rotate or replace them.\n" : "\n"
        for entry in stuck {
          text += "\n\(entry.address) cannot be renewed by gitform apply. \(entry.advice ?? "")\n"
        }
      }
    }
    guard listAll else { return text }
    text += "\nTokens on the configuration's users, projects and groups that gitform does not manage:\n\n"
    if unmanaged.isEmpty {
      return text + "None.\n"
    }
    var rows = [["OWNER", "KIND", "TOKEN ID", "NAME", "EXPIRES", "DAYS LEFT"]]
    for token in unmanaged {
      let object = token.object
      rows.append([
        object.owner, object.kind, String(object.id), object.name,
        object.expiresAt?.description ?? "never", token.daysLeft.map(String.init) ?? "-",
      ])
    }
    return text + Self.align(rows, rightAligned: [2, 5])
  }

  /// Columns padded to their widest cell, two spaces apart, no trailing blanks.
  static func align(_ rows: [[String]], rightAligned: Set<Int>) -> String {
    let columns = rows.map(\.count).max() ?? 0
    let widths = (0..<columns).map { column in
      rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
    }
    return rows.map { row in
      row.enumerated().map { column, cell in
        let padding = String(repeating: " ", count: widths[column] - cell.count)
        return rightAligned.contains(column) ? padding + cell : cell + padding
      }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }.joined(separator: "\n") + "\n"
  }

  func json(listAll: Bool) -> JSON {
    func date(_ day: CalendarDate?) -> JSON { day.map { .string($0.description) } ?? .null }
    func number(_ value: Int?) -> JSON { value.map { .integer($0) } ?? .null }
    var members: [(key: String, value: JSON)] = [
      ("format_version", .string("1.0")), ("today", .string(today.description)),
      ("within_days", .integer(window)), ("needs_attention", .integer(report.attentionCount)),
      (
        "tokens",
        .array(
          entries.map { entry in
            .object([
              ("address", .string(entry.address)), ("id", .string(entry.id)),
              (ExpiryFacts.expiresAtKey, date(entry.expiresAt)), ("days_left", number(entry.daysLeft)),
              ("rotates_on", date(entry.rotatesOn)), ("status", .string(entry.status.rawValue)),
              ("next_apply", entry.plannedAction.map { .string($0) } ?? .null),
              ("advice", entry.advice.map { .string($0) } ?? .null),
            ])
          })
      ),
    ]
    if listAll {
      members.append(
        (
          "unmanaged",
          .array(
            unmanaged.map { token in
              .object([
                ("owner", .string(token.object.owner)), ("kind", .string(token.object.kind)),
                (ExpiringObject.idKey, .integer(token.object.id)), ("name", .string(token.object.name)),
                (ExpiryFacts.expiresAtKey, date(token.object.expiresAt)), ("days_left", number(token.daysLeft)),
              ])
            })
        ))
    }
    return .object(members)
  }
}
