import XCTest

@testable import GitformCore

/// Path and file functions against `terraform console` (1.11), run in a directory holding
/// the files `setUp` writes; the tests run from inside that directory, as the console did,
/// so relative paths and messages match.
final class FileCorpusTests: FunctionCorpusTestCase {
  private var directory = ""
  private var previousDirectory = ""

  override func setUpWithError() throws {
    directory = NSTemporaryDirectory() + "gitform-files-" + UUID().uuidString
    let manager = FileManager.default
    for folder in ["sub/deeper", "other"] {
      try manager.createDirectory(
        atPath: directory + "/" + folder, withIntermediateDirectories: true)
    }
    let files: [String: [UInt8]] = [
      "hello.txt": Array("hello\n".utf8), "binary.bin": [0xff, 0xfe], "sub/a.txt": Array("x".utf8),
      "sub/b.md": Array("y".utf8), "sub/deeper/c.txt": Array("z".utf8), "other/.hidden": [],
      "sub/{a}.txt": Array("{a}".utf8),
    ]
    for (name, bytes) in files {
      XCTAssertTrue(manager.createFile(atPath: directory + "/" + name, contents: Data(bytes)))
    }
    previousDirectory = manager.currentDirectoryPath
    XCTAssertTrue(manager.changeCurrentDirectoryPath(directory))
  }

  override func tearDownWithError() throws {
    _ = FileManager.default.changeCurrentDirectoryPath(previousDirectory)
    try FileManager.default.removeItem(atPath: directory)
  }

  func testPathsAndFiles() {
    check(
      [
        (#"basename("/a/b/c.txt")"#, #""c.txt""#),
        (#"basename("c.txt")"#, #""c.txt""#),
        (#"basename("a/b/")"#, #""b""#),
        (#"basename("/")"#, #""/""#),
        (#"basename("")"#, #"".""#),
        (#"basename("//")"#, #""/""#),
        (#"dirname("/a/b/c.txt")"#, #""/a/b""#),
        (#"dirname("c.txt")"#, #"".""#),
        (#"dirname("a/b/")"#, #""a/b""#),
        (#"dirname("/")"#, #""/""#),
        (#"dirname("")"#, #"".""#),
        (#"dirname("a//b")"#, #""a""#),
        (#"dirname("/a")"#, #""/""#),
        (#"abspath("/a/../b")"#, #""/b""#),
        (#"abspath("/a/./b/")"#, #""/a/b""#),
        (#"abspath("/")"#, #""/""#),
        (#"pathexpand("a/~")"#, #""a/~""#),
        (
          #"pathexpand("~foo/x")"#,
          #"!Error in function call: Call to function "pathexpand" failed: cannot expand user-specific home dir."#
        ),
        (#"pathexpand("/abs")"#, #""/abs""#),
        (#"pathexpand("~/x") == "${pathexpand("~")}/x""#, #"true"#),
        (#"pathexpand("")"#, #""""#),
        (#"fileexists("hello.txt")"#, #"true"#),
        (#"fileexists("nope.txt")"#, #"false"#),
        (
          #"fileexists("sub")"#,
          #"!Error in function call: Call to function "fileexists" failed: "sub" is a directory, not a file."#
        ),
        (#"fileexists("sub/../hello.txt")"#, #"true"#),
        (#"fileexists("./sub/a.txt")"#, #"true"#),
        (#"fileset(".", "*.txt")"#, #"toset(["hello.txt"])"#),
        (#"fileset("sub", "**")"#, #"toset(["a.txt", "b.md", "deeper/c.txt", "{a}.txt"])"#),
        (
          #"fileset(".", "**/*.txt")"#,
          #"toset(["hello.txt", "sub/a.txt", "sub/deeper/c.txt", "sub/{a}.txt"])"#
        ),
        (#"fileset(".", "sub/*")"#, #"toset(["sub/a.txt", "sub/b.md", "sub/{a}.txt"])"#),
        (#"fileset("sub", "*")"#, #"toset(["a.txt", "b.md", "{a}.txt"])"#),
        (#"fileset("sub", "**/*.txt")"#, #"toset(["a.txt", "deeper/c.txt", "{a}.txt"])"#),
        (#"fileset(".", "sub/{a,b}.*")"#, #"toset(["sub/a.txt", "sub/b.md"])"#),
        (#"fileset(".", "sub/[ab].*")"#, #"toset(["sub/a.txt", "sub/b.md"])"#),
        (#"fileset(".", "sub/[!a].*")"#, #"toset(["sub/a.txt"])"#),
        (#"fileset(".", "sub/?.txt")"#, #"toset(["sub/a.txt"])"#),
        (#"fileset(".", "nothing/*")"#, #"toset([])"#),
        (#"fileset(".", "other/*")"#, #"toset(["other/.hidden"])"#),
        (#"fileset(".", "sub/\\{a}.txt")"#, #"toset(["sub/{a}.txt"])"#),
        (
          #"fileset(".", "[")"#,
          #"!Error in function call: Call to function "fileset" failed: failed to glob pattern "[": syntax error in pattern."#
        ),
        (#"fileset("sub", "../*.txt")"#, #"toset(["../hello.txt"])"#),
        (#"file("hello.txt")"#, #""hello\n""#),
        (
          #"file("binary.bin")"#,
          #"!Error in function call: Call to function "file" failed: contents of "binary.bin" are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead."#
        ),
        (
          #"file("sub")"#,
          #"!Invalid function argument: Invalid value for "path" parameter: failed to read file: read sub: is a directory."#
        ),
        (
          #"file("nope.txt")"#,
          #"!Invalid function argument: Invalid value for "path" parameter: no file exists at "nope.txt"; this function works only with files that are distributed as part of the configuration source code, so if this file will be created by a resource in this configuration you must instead obtain this result from an attribute of that resource."#
        ),
        (#"filebase64("hello.txt")"#, #""aGVsbG8K""#),
        (#"filebase64("binary.bin")"#, #""//4=""#),
        (#"filemd5("hello.txt")"#, #""b1946ac92492d2347c6235b4d2611184""#),
        (#"filesha1("hello.txt")"#, #""f572d396fae9206628714fb2ce00f72e94f2258f""#),
        (
          #"filesha256("hello.txt")"#,
          #""5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03""#
        ),
        (
          #"filesha512("hello.txt")"#,
          #""e7c22b994c59d9cf2b48e549b1e24666636045930d3da7c1acb299d1c3b7f931f94aae41edda2c2b207a36e10f8bcb8d45223e54878f5b316e7ce3b6bc019629""#
        ),
        (#"filebase64sha256("hello.txt")"#, #""WJG1tSLV3whtD/CxEPvZ0hu0/HFjrzTQgoai6Eb2vgM=""#),
        (
          #"filebase64sha512("hello.txt")"#,
          #""58IrmUxZ2c8rSOVJseJGZmNgRZMNPafBrLKZ0cO3+TH5Sq5B7dosKyB6NuEPi8uNRSI+VIePWzFufOO2vAGWKQ==""#
        ),
        (#"filemd5("binary.bin")"#, #""f3b25701fe362ec84616a93a45ce9998""#),
        (
          #"filesha256("nope.txt")"#,
          #"!Error in function call: Call to function "filesha256" failed: open nope.txt: no such file or directory."#
        ),
        (#"filemd5(sensitive("hello.txt"))"#, #"(sensitive value)"#),
        (#"fileset(".", "**/*.md")"#, #"toset(["sub/b.md"])"#),
        (#"fileset(".", "sub/deeper/c.txt")"#, #"toset(["sub/deeper/c.txt"])"#),
        (#"fileset("/nonexistent", "*")"#, #"toset([])"#),
      ], baseDirectory: ".")
  }
}
