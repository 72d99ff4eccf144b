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
    .testTarget(
      name: "GitformCoreTests", dependencies: ["GitformCore", "GitLabEmulator"],
      exclude: ["Fixtures"]),
    .testTarget(name: "GitLabEmulatorTests", dependencies: ["GitLabEmulator"]),
  ],
  swiftLanguageModes: [.v5]
)
