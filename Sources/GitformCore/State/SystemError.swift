import Foundation

/// Text for `errno` values, for messages about failed system calls.
enum SystemError {
  static func message(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
  }
}
