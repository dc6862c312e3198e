// swift-tools-version: 6.1
import Foundation
import PackageDescription

// A package of its own, so that the main package's CI never builds benchmark code (STYLE.md §13).
// A local package's identity is its folder's name, which differs between clones: read it.
let taskgate = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "taskgate-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: "..")
    ],
    targets: [
        .executableTarget(
            name: "schedule-bench",
            dependencies: [.product(name: "TaskgateCore", package: taskgate)],
            path: "Sources/schedule-bench",
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        )
    ],
    swiftLanguageModes: [.v6]
)
