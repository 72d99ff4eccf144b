import XCTest

@testable import GitformCore

/// `gitform fmt` end to end through `CommandLineInterface().run`, on temporary directories:
/// exact output, exit codes and file contents, in the behaviour of `terraform fmt`.
final class FmtCommandTests: XCTestCase {
  private var workspace: CommandWorkspace!
  private var directory: URL { workspace.directory }

  override func setUpWithError() throws {
    workspace = try CommandWorkspace("fmt")
  }

  override func tearDownWithError() throws {
    workspace?.remove()
  }

  private func fmt(_ arguments: [String]) -> CommandRun {
    workspace.run(["fmt"] + arguments)
  }

  // MARK: - Directories and files

  func testDefaultTargetIsTheWorkingDirectoryAndChangedFilesAreListedAndWritten() throws {
    try workspace.write("b.gf.hcl", "b=1\n")
    try workspace.write("a.gf.hcl", "a = 1\n")
    try workspace.write("vars.gfvars", "x  =  \"y\"\n")
    try workspace.write("other.tf", "c=1\n")
    try workspace.write(".hidden.gf.hcl", "d=1\n")
    try workspace.write("backup.gf.hcl~", "e=1\n")
    let result = fmt([])
    XCTAssertEqual(result.code, 0)
    XCTAssertEqual(result.out, "b.gf.hcl\nvars.gfvars\n")
    XCTAssertEqual(result.err, "")
    XCTAssertEqual(try workspace.read("b.gf.hcl"), "b = 1\n")
    XCTAssertEqual(try workspace.read("a.gf.hcl"), "a = 1\n")
    XCTAssertEqual(try workspace.read("vars.gfvars"), "x = \"y\"\n")
    XCTAssertEqual(try workspace.read("other.tf"), "c=1\n")
    XCTAssertEqual(try workspace.read(".hidden.gf.hcl"), "d=1\n")
    XCTAssertEqual(try workspace.read("backup.gf.hcl~"), "e=1\n")
  }

  func testCheckListsUnformattedFilesExitsThreeAndWritesNothing() throws {
    try workspace.write("a.gf.hcl", "a=1\n")
    try workspace.write("b.gf.hcl", "b = 1\n")
    let result = fmt(["-check"])
    XCTAssertEqual(result.code, 3)
    XCTAssertEqual(result.out, "a.gf.hcl\n")
    XCTAssertEqual(try workspace.read("a.gf.hcl"), "a=1\n")
    XCTAssertEqual(fmt(["-check", "-list=false"]).out, "")
    XCTAssertEqual(fmt(["-check", "-list=false"]).code, 3)
  }

  func testCheckOnFormattedFilesExitsZero() throws {
    try workspace.write("a.gf.hcl", "a = 1\n")
    XCTAssertEqual(fmt(["-check"]).code, 0)
    XCTAssertEqual(fmt(["-check"]).out, "")
  }

  func testWriteFalseListsWithoutWriting() throws {
    try workspace.write("a.gf.hcl", "a=1\n")
    let result = fmt(["-write=false"])
    XCTAssertEqual(result.out, "a.gf.hcl\n")
    XCTAssertEqual(try workspace.read("a.gf.hcl"), "a=1\n")
  }

  func testWriteFalseListFalsePrintsEveryFileFormatted() throws {
    try workspace.write("a.gf.hcl", "a=1\n")
    try workspace.write("b.gf.hcl", "b = 2")
    let result = fmt(["-write=false", "-list=false"])
    XCTAssertEqual(result.code, 0)
    XCTAssertEqual(result.out, "a = 1\nb = 2\n")
    XCTAssertEqual(try workspace.read("a.gf.hcl"), "a=1\n")
  }

  func testDiffPrintsAUnifiedDiffAfterTheName() throws {
    // Expected text from `terraform fmt -diff -write=false` on the same file (as main.tf).
    try workspace.write("main.gf.hcl", "x {\n  a=1\n  b = 2\n  c = 3\n  d = 4\n  e = 5\n  f = 6\n  g = 7\n  h = 8\n  i=9\n}\n")
    let result = fmt(["-diff", "-write=false"])
    XCTAssertEqual(
      result.out,
      """
      main.gf.hcl
      --- old/main.gf.hcl
      +++ new/main.gf.hcl
      @@ -1,5 +1,5 @@
       x {
      -  a=1
      +  a = 1
         b = 2
         c = 3
         d = 4
      @@ -7,5 +7,5 @@
         f = 6
         g = 7
         h = 8
      -  i=9
      +  i = 9
       }

      """)
    // Changes at most six unchanged lines apart share one hunk.
    try workspace.write("main.gf.hcl", "x {\n  a=1\n  b = 2\n  c = 3\n  d = 4\n  e = 5\n  f = 6\n  g = 7\n  h=8\n}\n")
    XCTAssertTrue(fmt(["-diff", "-write=false"]).out.contains("@@ -1,10 +1,10 @@\n"))
  }

  func testRecursiveProcessesSubdirectoriesInNameOrder() throws {
    try workspace.write("z.gf.hcl", "z=1\n")
    try workspace.write("m/deeper/t.gfvars", "t=1\n")
    try workspace.write("m/s.gf.hcl", "s=1\n")
    XCTAssertEqual(fmt(["-check"]).out, "z.gf.hcl\n")
    let result = fmt(["-check", "-recursive"])
    XCTAssertEqual(result.out, "m/deeper/t.gfvars\nm/s.gf.hcl\nz.gf.hcl\n")
    XCTAssertEqual(fmt(["-check", "m"]).out, "m/s.gf.hcl\n")
  }

  func testNamesAreRelativeToTheWorkingDirectoryAndCleaned() throws {
    try workspace.write("sub/x.gf.hcl", "a=1\n")
    XCTAssertEqual(fmt(["-check", "./sub/"]).out, "sub/x.gf.hcl\n")
    XCTAssertEqual(fmt(["-check", "./sub/x.gf.hcl"]).out, "sub/x.gf.hcl\n")
    XCTAssertEqual(fmt(["-check", directory.path + "/sub"]).out, "sub/x.gf.hcl\n")
    XCTAssertEqual(fmt(["-check", "-recursive", "."]).out, "sub/x.gf.hcl\n")
    XCTAssertEqual(FmtCommand.Run.relativePath("/w/other/x", from: "/w/dir"), "../other/x")
    XCTAssertEqual(FmtCommand.Run.relativePath("/w/dir/", from: "/w/dir"), ".")
  }

  func testANamedFileIsFormatted() throws {
    try workspace.write("sub/one.gf.hcl", "one=1\n")
    let result = fmt(["sub/one.gf.hcl"])
    XCTAssertEqual(result.code, 0)
    XCTAssertEqual(result.out, "sub/one.gf.hcl\n")
    XCTAssertEqual(try workspace.read("sub/one.gf.hcl"), "one = 1\n")
  }

  func testFilesWithSyntaxErrorsAreReportedAndNeverWritten() throws {
    try workspace.write("bad.gf.hcl", "a  =  1;\n")
    try workspace.write("good.gf.hcl", "b=2\n")
    let result = fmt([])
    XCTAssertEqual(result.code, 1)
    XCTAssertEqual(result.out, "good.gf.hcl\n")
    XCTAssertTrue(
      result.err.hasPrefix("\nError: Invalid character\n\n  on bad.gf.hcl line 1:\n   1: a  =  1;\n"),
      result.err)
    XCTAssertEqual(try workspace.read("bad.gf.hcl"), "a  =  1;\n")
    XCTAssertEqual(try workspace.read("good.gf.hcl"), "b = 2\n")
  }

  func testMissingTargetAndWrongExtensionAreErrors() throws {
    try workspace.write("notes.txt", "x\n")
    let missing = fmt(["nowhere"])
    XCTAssertEqual(missing.code, 1)
    XCTAssertEqual(missing.err, "\nError: No file or directory at nowhere\n\n\n")
    let wrong = fmt(["notes.txt"])
    XCTAssertEqual(wrong.code, 1)
    XCTAssertEqual(
      wrong.err, "\nError: Only .gf.hcl and .gfvars files can be processed with gitform fmt\n\n\n")
  }

  func testWritingKeepsPermissionsAndLeavesNoTemporaryFiles() throws {
    try workspace.write("secret.gf.hcl", "token=var.t\n")
    let path = workspace.url("secret.gf.hcl").path
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    XCTAssertEqual(fmt([]).code, 0)
    XCTAssertEqual(try workspace.read("secret.gf.hcl"), "token = var.t\n")
    let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    XCTAssertEqual(permissions, 0o600)
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["secret.gf.hcl"])
  }

  func testASymbolicLinkIsWrittenThrough() throws {
    try workspace.write("real/target.gf.hcl", "a=1\n")
    try FileManager.default.createSymbolicLink(
      atPath: workspace.url("link.gf.hcl").path,
      withDestinationPath: workspace.url("real/target.gf.hcl").path)
    XCTAssertEqual(fmt(["link.gf.hcl"]).out, "link.gf.hcl\n")
    XCTAssertEqual(try workspace.read("real/target.gf.hcl"), "a = 1\n")
    let type = try FileManager.default.attributesOfItem(
      atPath: workspace.url("link.gf.hcl").path)[.type] as? FileAttributeType
    XCTAssertEqual(type, .typeSymbolicLink)
  }

  // MARK: - Flags and help

  func testHelpAndBadFlags() {
    let help = fmt(["-help"])
    XCTAssertEqual(help.code, 0)
    XCTAssertEqual(help.out, FmtCommand.help)
    XCTAssertTrue(help.out.hasPrefix("Usage: gitform [global options] fmt [options] [target...]\n"))
    let unknown = fmt(["-frobnicate"])
    XCTAssertEqual(unknown.code, 1)
    XCTAssertEqual(unknown.err, "Error: flag provided but not defined: -frobnicate\n\n" + FmtCommand.help)
    let badValue = fmt(["-list=maybe"])
    XCTAssertEqual(badValue.code, 1)
    XCTAssertTrue(badValue.err.hasPrefix("Error: invalid boolean value \"maybe\" for -list\n"))
  }

  func testFlagParsingAcceptsBothDashStyles() {
    let parsed = try? FmtCommand.parse(["--check", "-list=false", "-recursive=true", "dir"]).get()
    XCTAssertEqual(
      parsed,
      FmtCommand.Options(
        list: false, write: true, diff: false, check: true, recursive: true, noColor: false,
        targets: ["dir"]))
  }
}
