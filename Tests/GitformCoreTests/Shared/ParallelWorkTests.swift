import Foundation
import XCTest

@testable import GitformCore

/// The worker pool refresh and apply share: results in job order, never more than `limit` jobs
/// at once, and a huge limit capped.
final class ParallelWorkTests: XCTestCase {
  /// Counts the jobs running at the same moment.
  private final class Gauge: @unchecked Sendable {
    private let lock = NSLock()
    private var running = 0
    private(set) var peak = 0
    private(set) var threads = Set<String>()

    func enter() {
      lock.withLock {
        running += 1
        peak = max(peak, running)
        threads.insert("\(Unmanaged.passUnretained(Thread.current).toOpaque())")
      }
    }

    func leave() { lock.withLock { running -= 1 } }
  }

  func testResultsComeBackInJobOrder() {
    XCTAssertEqual(ParallelWork.run(0, limit: 4) { $0 }, [])
    XCTAssertEqual(ParallelWork.run(1, limit: 4) { $0 * 3 }, [0])
    let results = ParallelWork.run(50, limit: 7) { index -> String in
      usleep(useconds_t((50 - index) * 100))  // later jobs finish first
      return "job \(index)"
    }
    XCTAssertEqual(results, (0..<50).map { "job \($0)" })
  }

  func testAtMostLimitJobsRunAtOnce() {
    let gauge = Gauge()
    _ = ParallelWork.run(24, limit: 4) { _ -> Int in
      gauge.enter()
      usleep(20_000)
      gauge.leave()
      return 0
    }
    XCTAssertEqual(gauge.peak, 4)
  }

  func testALimitOfOneRunsOnTheCallersThread() {
    let caller = "\(Unmanaged.passUnretained(Thread.current).toOpaque())"
    let gauge = Gauge()
    _ = ParallelWork.run(5, limit: 1) { _ -> Int in
      gauge.enter()
      gauge.leave()
      return 0
    }
    XCTAssertEqual(gauge.peak, 1)
    XCTAssertEqual(gauge.threads, [caller])
  }

  func testAHugeLimitIsCappedAtTheMaximumThreadCount() {
    let gauge = Gauge()
    let count = ParallelWork.maximumThreads + 44
    let results = ParallelWork.run(count, limit: 100_000) { index -> Int in
      gauge.enter()
      usleep(30_000)
      gauge.leave()
      return index
    }
    XCTAssertEqual(results, Array(0..<count))
    XCTAssertLessThanOrEqual(gauge.peak, ParallelWork.maximumThreads)
    XCTAssertGreaterThan(gauge.peak, 1)
  }
}
