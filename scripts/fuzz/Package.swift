// swift-tools-version: 6.1
import Foundation
import PackageDescription

// libFuzzer targets for every parser taskgate exposes to strangers' input (issue 9 part 4).
// A package of its own, so that the main package's builds and CI never link fuzz entry points.
// Build (scripts/fuzz/run does this):
//   swift build -c release -Xswiftc -sanitize=fuzzer,address
// Not -parse-as-library: SwiftPM links an executable's entry point as `<module>_main` (with
// `--defsym main=fuzz_cron_main`), which libFuzzer's own main cannot be; so each target's
// main.swift hands its LLVMFuzzerTestOneInput to LLVMFuzzerRunDriver.
// A local package's identity is its folder's name, which differs between clones: read it.
let taskgate = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// One executable per libFuzzer entry point: `fuzz-<name>` from `Sources/fuzz-<name>`.
let entryPoints = [
    "quartz", "quartz-net", "cron", "rrule", "iso8601", "fylr", "vco",
    "json", "wyn-task", "qlik-sharing-task", "qlik-scheduling-task", "fylr-task", "vco-task",
    "proxy-request",
]

let package = Package(
    name: "taskgate-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: "../..")
    ],
    targets: [
        .target(name: "CLibFuzzer"),
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "TaskgateCore", package: taskgate),
                .product(name: "TaskgateVendors", package: taskgate),
                .product(name: "TaskgateMappings", package: taskgate),
            ],
            swiftSettings: swiftSettings
        ),
    ]
        + entryPoints.map { name in
            .executableTarget(
                name: "fuzz-\(name)",
                dependencies: ["FuzzSupport", "CLibFuzzer"],
                path: "Sources/fuzz-\(name)",
                swiftSettings: swiftSettings
            )
        },
    swiftLanguageModes: [.v6]
)
