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
        .package(path: ".."),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        .executableTarget(
            name: "schedule-bench",
            dependencies: [.product(name: "TaskgateCore", package: taskgate)],
            path: "Sources/schedule-bench",
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .executableTarget(
            name: "upstream-bench",
            dependencies: [
                .product(name: "TaskgateUpstream", package: taskgate),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            path: "Sources/upstream-bench",
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
