extension FmtCommand {
  /// The unified diff `fmt -diff` prints, in the layout of `diff -u --label=old/PATH
  /// --label=new/PATH` that Terraform shells out to: three lines of context, hunks closer than
  /// seven lines merged, deletions before insertions, and GNU's "\ No newline at end of file".
  ///
  /// Lines are matched with Myers' algorithm after trimming the common head and tail. For
  /// very different inputs (more than `maximumEdits` changed lines) the middle is shown as one
  /// replacement instead, which keeps time and memory bounded; the diff stays correct.
  enum UnifiedDiff {
    static let context = 3
    static let maximumEdits = 2_000

    enum Edit: Equatable {
      case equal(old: Int, new: Int)
      case delete(old: Int)
      case insert(new: Int)

      var isEqual: Bool {
        if case .equal = self { return true }
        return false
      }
    }

    static func render(old: [UInt8], new: [UInt8], path: String) -> String {
      let oldLines = lines(old)
      let newLines = lines(new)
      let edits = script(oldLines, newLines)
      guard edits.contains(where: { !$0.isEqual }) else { return "" }
      var text = "--- old/\(path)\n+++ new/\(path)\n"
      for hunk in hunks(edits) {
        text += header(edits[hunk])
        for edit in normalized(edits[hunk]) {
          switch edit {
          case .equal(let index, _): text += line(" ", oldLines[index])
          case .delete(let index): text += line("-", oldLines[index])
          case .insert(let index): text += line("+", newLines[index])
          }
        }
      }
      return text
    }

    /// The source's lines, each with its newline if it has one.
    static func lines(_ bytes: [UInt8]) -> [String] {
      var result: [String] = []
      var start = 0
      for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
        result.append(String(decoding: bytes[start...index], as: UTF8.self))
        start = index + 1
      }
      if start < bytes.count {
        result.append(String(decoding: bytes[start...], as: UTF8.self))
      }
      return result
    }

    private static func line(_ marker: String, _ text: String) -> String {
      text.utf8.last == UInt8(ascii: "\n")
        ? marker + text : marker + text + "\n\\ No newline at end of file\n"
    }

    /// The edit script turning `a` into `b`, in order.
    static func script(_ a: [String], _ b: [String]) -> [Edit] {
      var head = 0
      while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
      var tail = 0
      while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] {
        tail += 1
      }
      var edits = (0..<head).map { Edit.equal(old: $0, new: $0) }
      let middleA = Array(a[head..<(a.count - tail)])
      let middleB = Array(b[head..<(b.count - tail)])
      let middle =
        MyersDiff.edits(middleA, middleB, limit: maximumEdits)
        ?? (middleA.indices.map { Edit.delete(old: $0) } + middleB.indices.map { Edit.insert(new: $0) })
      for edit in middle {
        switch edit {
        case .equal(let old, let new): edits.append(.equal(old: old + head, new: new + head))
        case .delete(let old): edits.append(.delete(old: old + head))
        case .insert(let new): edits.append(.insert(new: new + head))
        }
      }
      for offset in 0..<tail {
        edits.append(.equal(old: a.count - tail + offset, new: b.count - tail + offset))
      }
      return edits
    }

    /// Ranges of `edits` to print: each change with its context, near ones merged.
    static func hunks(_ edits: [Edit]) -> [Range<Int>] {
      var result: [Range<Int>] = []
      var index = 0
      while index < edits.count {
        guard !edits[index].isEqual else {
          index += 1
          continue
        }
        let start = max(0, index - context)
        var end = index
        // Extend over changes separated by at most 2 × context unchanged lines.
        while end < edits.count {
          var next = end
          while next < edits.count, !edits[next].isEqual { next += 1 }
          var equalRun = next
          while equalRun < edits.count, edits[equalRun].isEqual { equalRun += 1 }
          if equalRun < edits.count && equalRun - next <= 2 * context {
            end = equalRun
          } else {
            end = min(edits.count, next + context)
            break
          }
        }
        result.append(start..<end)
        index = end
      }
      return result
    }

    /// Within each run of changes, deletions first, as diff prints them.
    private static func normalized(_ edits: ArraySlice<Edit>) -> [Edit] {
      var result: [Edit] = []
      var inserts: [Edit] = []
      for edit in edits {
        switch edit {
        case .equal:
          result += inserts
          inserts.removeAll()
          result.append(edit)
        case .delete: result.append(edit)
        case .insert: inserts.append(edit)
        }
      }
      return result + inserts
    }

    /// `@@ -start,count +start,count @@`, with GNU's spelling of one- and zero-line ranges. A
    /// side has no lines only when that whole file is empty, so it then starts at 0.
    private static func header(_ edits: ArraySlice<Edit>) -> String {
      var oldIndices: [Int] = []
      var newIndices: [Int] = []
      for edit in edits {
        switch edit {
        case .equal(let old, let new):
          oldIndices.append(old)
          newIndices.append(new)
        case .delete(let old): oldIndices.append(old)
        case .insert(let new): newIndices.append(new)
        }
      }
      let oldRange = range(oldIndices.first ?? 0, oldIndices.count)
      let newRange = range(newIndices.first ?? 0, newIndices.count)
      return "@@ -\(oldRange) +\(newRange) @@\n"
    }

    private static func range(_ start: Int, _ count: Int) -> String {
      switch count {
      case 0: return "\(start),0"
      case 1: return "\(start + 1)"
      default: return "\(start + 1),\(count)"
      }
    }
  }
}
