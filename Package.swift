// swift-tools-version: 6.1
import PackageDescription

/// Settings every target shares (STYLE.md §1): `any` is spelled out, imports are explicit,
/// and no dependency leaks into a public API by accident.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "taskgate",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "taskgate", targets: ["taskgate"]),
        .library(name: "TaskgateCore", targets: ["TaskgateCore"]),
        .library(name: "TaskgateVendors", targets: ["TaskgateVendors"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(
            name: "TaskgateCore",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TaskgateVendors",
            dependencies: ["TaskgateCore"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TaskgateMappings",
            dependencies: ["TaskgateCore", "TaskgateVendors", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "taskgate",
            dependencies: [
                "TaskgateCore",
                "TaskgateVendors",
                "TaskgateMappings",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TaskgateCoreTests",
            // Yams only to read the repository's mappings/ files in the zone-table tests; the core
            // itself never sees YAML.
            dependencies: ["TaskgateCore", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TaskgateVendorsTests",
            dependencies: ["TaskgateCore", "TaskgateVendors", "TaskgateMappings"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TaskgateCLITests",
            dependencies: [
                "taskgate", "TaskgateCore", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
