// swift-tools-version:6.0
import PackageDescription

/// gitform: plan/apply infrastructure-as-code for GitLab access tokens.
/// No dependencies beyond Foundation and XCTest, by customer contract.
let package = Package(
  name: "gitform",
  products: [
    .executable(name: "gitform", targets: ["gitform"]),
    .executable(name: "gitlab-emulator", targets: ["gitlab-emulator"]),
    .library(name: "GitformCore", targets: ["GitformCore"]),
    .library(name: "GitLabEmulator", targets: ["GitLabEmulator"]),
  ],
  targets: [
    .target(name: "GitformCore"),
    .executableTarget(name: "gitform", dependencies: ["GitformCore"]),
    .target(name: "GitLabEmulator"),
    .executableTarget(name: "gitlab-emulator", dependencies: ["GitLabEmulator"]),
    .executableTarget(name: "gitform-bench", dependencies: ["GitformCore", "GitLabEmulator"]),
    // The end-to-end tests run the built `gitform` binary: depending on the executable makes
    // `swift test` build it first, so those tests never skip for want of it.
    .testTarget(
      name: "GitformCoreTests", dependencies: ["GitformCore", "GitLabEmulator", "gitform"],
      exclude: ["Fixtures"]),
    // The python script records what python-gitlab sends; the tests replay it, never run it.
    .testTarget(
      name: "GitLabEmulatorTests", dependencies: ["GitLabEmulator", "gitlab-emulator"],
      exclude: ["API/python-gitlab-users-scenario.py"]),
  ],
  swiftLanguageModes: [.v5]
)
