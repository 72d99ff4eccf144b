import Foundation
#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The benchmark's own view of the emulator, through its REST routes as root: seeding and
/// checking, sent again while the emulator answers with one of its seeded failures, so that
/// the faults meant for gitform never disturb the referee.
struct EmulatorAPI {
  var root: URL
  var token: String

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Sends `method path` and returns the status and parsed body.
  func send(_ method: String, _ path: String, _ body: [String: Any]? = nil) throws -> (status: Int, json: Any?) {
    guard let url = URL(string: root.absoluteString + path) else { throw Failure(description: "bad path \(path)") }
    for _ in 1...50 {
      var request = URLRequest(url: url)
      request.httpMethod = method
      request.setValue(token, forHTTPHeaderField: "PRIVATE-TOKEN")
      if let body {
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONSerialization.data(withJSONObject: body)
      }
      let (status, data) = try exchange(request)
      if [429, 500, 502, 503].contains(status) { continue }
      let json = data.isEmpty ? nil : try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
      return (status, json)
    }
    throw Failure(description: "\(method) \(path) kept failing")
  }

  /// Creates through the API and returns the new object's id.
  func create(_ path: String, _ body: [String: Any]) throws -> Int {
    let answer = try send("POST", path, body)
    guard answer.status == 201, let id = (answer.json as? [String: Any])?["id"] as? Int else {
      throw Failure(description: "POST \(path) answered \(answer.status)")
    }
    return id
  }

  /// The active personal access tokens of `users`, token ids by name.
  func activeTokens(_ users: [Int]) throws -> [String: [Int]] {
    var byName: [String: [Int]] = [:]
    for user in users {
      for page in 1...100 {
        let answer = try send("GET", "/api/v4/personal_access_tokens?user_id=\(user)&per_page=100&page=\(page)")
        let tokens = answer.json as? [[String: Any]] ?? []
        for token in tokens where token["active"] as? Bool == true {
          byName[token["name"] as? String ?? "", default: []].append(token["id"] as? Int ?? 0)
        }
        if tokens.count < 100 { break }
      }
    }
    return byName
  }

  private final class Box: @unchecked Sendable {
    var status = 0
    var data = Data()
    var error: Error?
  }

  private func exchange(_ request: URLRequest) throws -> (Int, Data) {
    let box = Box()
    let done = DispatchSemaphore(value: 0)
    URLSession.shared.dataTask(with: request) { data, response, error in
      box.status = (response as? HTTPURLResponse)?.statusCode ?? 0
      box.data = data ?? Data()
      box.error = error
      done.signal()
    }.resume()
    done.wait()
    if let error = box.error { throw error }
    return (box.status, box.data)
  }
}
