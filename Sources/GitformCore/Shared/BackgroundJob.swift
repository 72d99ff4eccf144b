import Foundation

/// One piece of work started on its own thread now and waited for later: what a command does
/// beside its main line when the two are independent (validate's static checks beside the
/// configuration walk), so a 2-core machine does them at once.
///
/// The thread gets a main thread's stack (8 MiB): the work may evaluate deeply nested expressions,
/// whose limits were set for the main thread.
public final class BackgroundJob<T>: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var result: T?

  public init(_ work: @escaping () -> T) {
    let thread = Thread { [self] in
      result = work()
      done.signal()
    }
    thread.stackSize = 8 << 20
    thread.start()
  }

  /// The work's result, once it has finished (waits for it). Nil only if asked twice.
  public func wait() -> T? {
    done.wait()
    // The semaphore orders the worker's write before this read.
    defer { result = nil }
    return result
  }
}
