extension FmtCommand {
  /// Myers' O(ND) shortest edit script over lines, for `fmt -diff`.
  ///
  /// It keeps, for every edit distance d, the furthest-reaching diagonals (2d + 1 numbers) to
  /// walk the path back; memory is O(D²), which is why callers give a limit on D.
  enum MyersDiff {
    /// The edits turning `a` into `b`, or nil when more than `limit` edits are needed.
    static func edits(_ a: [String], _ b: [String], limit: Int) -> [UnifiedDiff.Edit]? {
      let n = a.count
      let m = b.count
      let maximum = min(n + m, limit)
      let offset = maximum + 1
      var frontier = [Int](repeating: 0, count: 2 * maximum + 3)
      var trace: [[Int]] = []
      var found = false
      search: for d in 0...maximum {
        for k in stride(from: -d, through: d, by: 2) {
          var x: Int
          if k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]) {
            x = frontier[offset + k + 1]  // down: an insertion
          } else {
            x = frontier[offset + k - 1] + 1  // right: a deletion
          }
          var y = x - k
          while x < n, y < m, a[x] == b[y] {
            x += 1
            y += 1
          }
          frontier[offset + k] = x
          if x >= n && y >= m {
            trace.append(Array(frontier[(offset - d)...(offset + d)]))
            found = true
            break search
          }
        }
        trace.append(Array(frontier[(offset - d)...(offset + d)]))
      }
      guard found else { return nil }
      return backtrack(trace, n: n, m: m)
    }

    /// Walks the saved frontiers from the end back to the start.
    private static func backtrack(_ trace: [[Int]], n: Int, m: Int) -> [UnifiedDiff.Edit] {
      var edits: [UnifiedDiff.Edit] = []
      var x = n
      var y = m
      for d in stride(from: trace.count - 1, through: 0, by: -1) {
        let k = x - y
        // trace[d] holds diagonals -d...d; the previous step's are in trace[d - 1].
        func previous(_ diagonal: Int) -> Int { trace[d - 1][diagonal + (d - 1)] }
        if d == 0 {
          while x > 0, y > 0 {
            x -= 1
            y -= 1
            edits.append(.equal(old: x, new: y))
          }
          break
        }
        let down = k == -d || (k != d && previous(k - 1) < previous(k + 1))
        let previousK = down ? k + 1 : k - 1
        let previousX = previous(previousK)
        let previousY = previousX - previousK
        while x > previousX + (down ? 0 : 1), y > previousY + (down ? 1 : 0) {
          x -= 1
          y -= 1
          edits.append(.equal(old: x, new: y))
        }
        if down {
          y -= 1
          edits.append(.insert(new: y))
        } else {
          x -= 1
          edits.append(.delete(old: x))
        }
      }
      return edits.reversed()
    }
  }
}
