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
        .library(name: "TaskgateUpstream", targets: ["TaskgateUpstream"]),
        .library(name: "TaskgateStore", targets: ["TaskgateStore"]),
        // The fuzz targets (scripts/fuzz, issue 9) load the mapping files as the CLI does.
        .library(name: "TaskgateMappings", targets: ["TaskgateMappings"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // The proxy (issue 7): metrics in Prometheus text.
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // Many replicas on one PostgreSQL (issue 9).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
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
        // Emulators (issue 6): the five product APIs on Hummingbird, tasks in SQLite through GRDB.
        .target(
            name: "TaskgateEmulators",
            dependencies: [
                "TaskgateCore", "TaskgateSQLite",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TaskgateEmulatorsTests",
            dependencies: [
                "TaskgateEmulators", "TaskgateCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "taskgate",
            dependencies: [
                "TaskgateCore",
                "TaskgateVendors",
                "TaskgateMappings",
                "TaskgateEmulators",
                "TaskgateProxy",
                "TaskgateMigration",
                "TaskgateUpstream",
                "TaskgateStore",
                "TaskgateStorePostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Upstream HTTP through libcurl and the gateway's store (issues 7, 8, 9).
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(
            name: "TaskgateUpstream",
            dependencies: ["CCurl", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TaskgateStore",
            dependencies: ["TaskgateCore", "TaskgateSQLite", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        // What the gateway's store and the emulators share about SQLite on GRDB.
        .target(
            name: "TaskgateSQLite",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TaskgateUpstreamTests",
            dependencies: ["TaskgateUpstream", .product(name: "Hummingbird", package: "hummingbird")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TaskgateStoreTests",
            dependencies: [
                "TaskgateStore", "TaskgateCore", "TaskgateStorePostgres",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The proxy (issue 7): one product's task API in front of another's, over libcurl.
        .target(
            name: "TaskgateProxy",
            dependencies: [
                "TaskgateCore", "TaskgateVendors", "TaskgateMappings", "TaskgateUpstream", "TaskgateStore",
                "TaskgateEmulators",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TaskgateProxyTests",
            dependencies: [
                "TaskgateProxy", "TaskgateCore", "TaskgateVendors", "TaskgateStore", "TaskgateUpstream",
                "TaskgateEmulators", "TaskgateMappings", "TaskgateTestSupport", "TaskgateMigration",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        // Live migration (issue 8): plan, apply, verify between two products' APIs.
        .target(
            name: "TaskgateMigration",
            dependencies: [
                "TaskgateCore", "TaskgateVendors", "TaskgateUpstream", "TaskgateStore",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TaskgateMigrationTests",
            dependencies: [
                "TaskgateMigration", "TaskgateCore", "TaskgateVendors", "TaskgateUpstream", "TaskgateStore",
                "TaskgateEmulators", "TaskgateMappings", "TaskgateTestSupport", "taskgate",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        // Many replicas on one PostgreSQL (issue 9): the store on postgres-nio, linked only by the edges.
        .target(
            name: "TaskgateStorePostgres",
            dependencies: [
                "TaskgateCore", "TaskgateStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TaskgateReplicaTests",
            dependencies: [
                "TaskgateCore", "TaskgateEmulators", "TaskgateUpstream", "TaskgateTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // What several test targets share: the seeded generator, the executable, child processes, the Wyn
        // example task.
        .target(
            name: "TaskgateTestSupport",
            dependencies: ["TaskgateCore"],
            path: "Tests/TaskgateTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TaskgateCoreTests",
            // Yams only to read the repository's mappings/ files in the zone-table tests; the core
            // itself never sees YAML.
            dependencies: ["TaskgateCore", "TaskgateTestSupport", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TaskgateVendorsTests",
            dependencies: ["TaskgateCore", "TaskgateVendors", "TaskgateMappings", "TaskgateTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TaskgateCLITests",
            dependencies: [
                "taskgate", "TaskgateCore", "TaskgateTestSupport", "TaskgateUpstream",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
