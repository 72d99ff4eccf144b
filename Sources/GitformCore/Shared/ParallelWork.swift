import Foundation

/// Runs independent jobs on at most `limit` threads and returns their results in job order.
///
/// Refresh and apply both need "these N GitLab calls, at most `-parallelism` at a time". The
/// calls block on the network, so real threads are used (a dispatch pool sized to the CPU count
/// would run only two at once on a small machine). Jobs must not share mutable state.
public enum ParallelWork {
  public static let maximumThreads = 256

  public static func run<T>(_ count: Int, limit: Int, _ job: @escaping (Int) -> T) -> [T] {
    guard count > 0 else { return [] }
    if count == 1 || limit <= 1 { return (0..<count).map(job) }
    let box = ResultBox<T>(count: count)
    let done = DispatchSemaphore(value: 0)
    // Each worker is a thread; a huge -parallelism must not become thousands of them.
    let workers = min(limit, count, maximumThreads)
    for _ in 0..<workers {
      let thread = Thread {
        while let index = box.claim() {
          box.store(job(index), at: index)
        }
        done.signal()
      }
      thread.stackSize = 1 << 20
      thread.start()
    }
    for _ in 0..<workers { done.wait() }
    return box.results()
  }
}

/// The shared slots of one `ParallelWork.run`: the next job index and each job's result.
private final class ResultBox<T>: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [T?]
  private var next = 0

  init(count: Int) { slots = [T?](repeating: nil, count: count) }

  func claim() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard next < slots.count else { return nil }
    next += 1
    return next - 1
  }

  func store(_ value: T, at index: Int) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  func results() -> [T] {
    lock.lock()
    defer { lock.unlock() }
    return slots.compactMap { $0 }
  }
}
