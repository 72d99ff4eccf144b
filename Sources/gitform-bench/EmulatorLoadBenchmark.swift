import Foundation
import GitLabEmulator
import Glibc

/// Suite "emulator-load": many keep-alive clients hammering the in-process emulator (the real
/// GitLab API, authenticating the root token on every request) with `GET /api/v4/user`, over raw loopback sockets so the figures are the server's and not a
/// client library's. The floor: 200 concurrent connections, at least 2,000
/// requests/s, zero errors.
enum EmulatorLoadBenchmark {
  static let connections = 200
  static let requestsPerConnection = 100

  static func run() -> [BenchmarkRow] {
    let configuration = EmulatorConfiguration()
    let emulator: RunningEmulator
    do {
      emulator = try RunningEmulator(configuration: configuration)
    } catch {
      return [BenchmarkRow(name: "emulator-load", value: 0, unit: "-", note: "\(error)")]
    }
    defer { emulator.stop() }
    let request = Array(
      ("GET /api/v4/user HTTP/1.1\r\nHost: 127.0.0.1:\(emulator.port)\r\n"
        + "PRIVATE-TOKEN: \(configuration.rootToken)\r\n\r\n").utf8)

    // Every client connects first and then waits at the gate, so that all connections are
    // open at once while the clock runs.
    let results = ClientResults()
    let connected = DispatchGroup()
    let finished = DispatchGroup()
    let gate = DispatchSemaphore(value: 0)
    for _ in 0..<connections {
      connected.enter()
      finished.enter()
      let thread = Thread {
        let client = LoadClient(port: emulator.port)
        connected.leave()
        gate.wait()
        var latencies: [Double] = []
        var errors = 0
        for _ in 0..<requestsPerConnection {
          let start = DispatchTime.now().uptimeNanoseconds
          if client?.exchange(request) == 200 {
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
          } else {
            errors += 1
          }
        }
        results.add(latencies: latencies, errors: errors)
        finished.leave()
      }
      thread.start()
    }
    connected.wait()
    // The server registers a connection when its accept loop gets to it; wait (bounded) so
    // the figure below is the server's own count of what it holds at once.
    let deadline = Date().addingTimeInterval(5)
    while emulator.openConnections < connections && Date() < deadline { usleep(5_000) }
    let open = emulator.openConnections
    let seconds = BenchmarkTable.time {
      for _ in 0..<connections { gate.signal() }
      finished.wait()
    }
    let (latencies, errors) = results.collected()
    let total = Double(connections * requestsPerConnection)
    func percentile(_ p: Double) -> Double {
      latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]
    }
    let note = "\(connections) connections, \(Int(total)) requests"
    return [
      BenchmarkRow(name: "emulator-load throughput", value: total / seconds, unit: "requests/s", note: note),
      BenchmarkRow(name: "emulator-load latency p50", value: percentile(0.50), unit: "ms"),
      BenchmarkRow(name: "emulator-load latency p99", value: percentile(0.99), unit: "ms"),
      BenchmarkRow(name: "emulator-load open connections", value: Double(open), unit: "connections"),
      BenchmarkRow(name: "emulator-load errors", value: Double(errors), unit: "requests"),
    ]
  }
}

/// Latencies and error counts gathered from the client threads.
private final class ClientResults: @unchecked Sendable {
  private let lock = NSLock()
  private var latencies: [Double] = []
  private var errors = 0

  func add(latencies more: [Double], errors moreErrors: Int) {
    lock.lock()
    latencies += more
    errors += moreErrors
    lock.unlock()
  }

  func collected() -> (latencies: [Double], errors: Int) {
    lock.lock()
    defer { lock.unlock() }
    return (latencies.sorted(), errors)
  }
}

