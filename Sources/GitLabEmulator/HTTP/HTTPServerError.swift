import Foundation
import Glibc

/// An operating-system failure of the server's sockets, with the call that failed and errno.
public struct HTTPServerError: Error, Equatable, CustomStringConvertible {
  /// What the server was doing, e.g. "bind 127.0.0.1:8080".
  public var operation: String
  /// The errno value, 0 when the failure is not a system call's.
  public var code: Int32

  public init(operation: String, code: Int32) {
    self.operation = operation
    self.code = code
  }

  public var description: String {
    code == 0 ? operation : "\(operation): \(String(cString: strerror(code)))"
  }
}
