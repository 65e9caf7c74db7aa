// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "postmortem",
    products: [
        .executable(name: "postmortem", targets: ["postmortem"]),
        .library(name: "PostmortemKit", targets: ["PostmortemKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        // C libraries behind system library targets; only one wrapper file imports each.
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),
        // OpenSSL's libcrypto, for SHA-1 (blob ids and cache keys): with the
        // CPU's SHA instructions it hashes about four times as fast as
        // libgit2's collision-detecting SHA-1. libgit2-dev pulls it in.
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .target(
            name: "PostmortemKit",
            dependencies: [
                "CCmarkGFM", "CGit2", "CCrypto",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // Theme and word lists are compiled in by Scripts/embed-resources, not bundled.
            exclude: ["Resources"]
        ),
        .executableTarget(
            name: "postmortem",
            dependencies: [
                "PostmortemKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PostmortemKitTests",
            dependencies: [
                "PostmortemKit",
                .product(name: "PropertyBased", package: "swift-property-based"),
                // The reference the fast template renderer is compared with.
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // Depends on the executable so that `swift test` builds the binary it runs.
        .testTarget(name: "CLITests", dependencies: ["PostmortemKit", "postmortem"]),
    ]
)
