// swift-tools-version:6.1
import PackageDescription

let strictConcurrency: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "imagelint",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ImageReference", targets: ["ImageReference"]),
        .library(name: "ImageLint", targets: ["ImageLint"]),
        .executable(name: "imagelint", targets: ["imagelint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
    ],
    targets: [
        // The reference grammar: no dependencies, usable on its own.
        .target(name: "ImageReference", swiftSettings: strictConcurrency),
        // The system libyaml, read through its event API.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // Sources, readers, extractors, policy, reporters: the whole pipeline.
        .target(
            name: "ImageLint",
            dependencies: ["ImageReference", "CYAML"],
            swiftSettings: strictConcurrency
        ),
        .executableTarget(
            name: "imagelint",
            dependencies: [
                "ImageLint",
                "ImageReference",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictConcurrency
        ),
        // One libFuzzer harness; built normally it replays input files.
        // scripts/fuzz.sh builds it with -sanitize=fuzzer,address -DFUZZING.
        .executableTarget(
            name: "imagelint-fuzz",
            dependencies: ["ImageReference", "ImageLint"],
            swiftSettings: strictConcurrency
        ),
        // A seeded generator for reproducible benchmark inputs and property tests.
        .target(name: "SeededRandom", swiftSettings: strictConcurrency),
        // Release-build benchmarks: `swift run -c release imagelint-bench <name>`.
        .executableTarget(
            name: "imagelint-bench",
            dependencies: ["ImageReference", "ImageLint", "CYAML", "SeededRandom"],
            swiftSettings: strictConcurrency
        ),
        // Shared by the test targets: repository root, golden files.
        .target(
            name: "TestSupport",
            path: "Tests/TestSupport",
            swiftSettings: strictConcurrency
        ),
        .testTarget(
            name: "ImageReferenceTests",
            dependencies: ["ImageReference", "TestSupport", "SeededRandom"],
            swiftSettings: strictConcurrency
        ),
        .testTarget(
            name: "ImageLintTests",
            dependencies: ["ImageLint", "ImageReference", "TestSupport"],
            swiftSettings: strictConcurrency
        ),
        .testTarget(
            name: "imagelintTests",
            dependencies: ["imagelint", "ImageLint", "ImageReference", "TestSupport"],
            swiftSettings: strictConcurrency
        ),
        .testTarget(
            name: "imagelint-fuzzTests",
            dependencies: ["imagelint-fuzz", "TestSupport"],
            swiftSettings: strictConcurrency
        ),
    ],
    swiftLanguageModes: [.v6]
)
