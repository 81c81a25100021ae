// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "docverify",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "docverify", targets: ["docverify"]),
        // The simulated cluster over HTTP: its own product, so the checker never builds a server stack.
        .executable(name: "docverify-serve", targets: ["docverify-serve"]),
        .library(name: "DocverifyKit", targets: ["DocExtraction", "ShellSyntax", "InfluxctlModel", "ManagementAPI", "Verification", "Reporting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        // External $ref loading is not needed (specs are read locally) and builds slowly.
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.4.0", traits: []),
    ],
    targets: [
        // Shared vocabulary: source positions, the rule catalogue, diagnostics.
        .target(name: "Diagnostics"),
        // The system's libcmark (Debian: libcmark-dev). Only DocExtraction imports it.
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .target(name: "DocExtraction", dependencies: ["CCmark", "Diagnostics", .product(name: "Yams", package: "Yams")]),
        .target(name: "ShellSyntax", dependencies: ["Diagnostics"]),
        .target(name: "ManagementAPI", dependencies: ["Diagnostics", "ShellSyntax"]),
        .target(name: "InfluxctlModel", dependencies: ["Diagnostics", "ShellSyntax"]),
        // The influxdb3 CLI (InfluxDB 3 Core and Enterprise), read the way clap reads it.
        .target(name: "Influxdb3Model", dependencies: ["Diagnostics", "ShellSyntax"]),
        .target(name: "TokenCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "SimulatedCluster", dependencies: ["TokenCore"]),
        // Request schemas read from a product's OpenAPI spec (OpenAPIKit), for the API checks.
        .target(name: "APISpecs", dependencies: [
            "ManagementAPI", .product(name: "Yams", package: "Yams"),
            .product(name: "OpenAPIKit", package: "OpenAPIKit"), .product(name: "OpenAPIKit30", package: "OpenAPIKit"),
            .product(name: "OpenAPIKitCompat", package: "OpenAPIKit"),
        ]),
        // A run's settings from .docverify.yml (Yams) and the command line, per file.
        .target(name: "RunSettings", dependencies: ["Diagnostics", "InfluxctlModel", .product(name: "Yams", package: "Yams")]),
        .target(name: "Verification", dependencies: [
            "Diagnostics", "DocExtraction", "ShellSyntax", "InfluxctlModel", "ManagementAPI", "APISpecs", "Influxdb3Model", "TokenCore", "SimulatedCluster", "RunSettings",
        ]),
        .target(name: "Reporting", dependencies: ["Diagnostics", "DocExtraction", "Verification"]),
        .target(name: "DocverifyCLI", dependencies: [
            "Diagnostics", "DocExtraction", "InfluxctlModel", "Influxdb3Model", "Verification", "Reporting", "RunSettings",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The system's mimalloc (Debian: libmimalloc-dev), linked as the checker's malloc: the
        // checker makes millions of small allocations, which mimalloc serves faster than glibc.
        .systemLibrary(name: "CMimalloc", providers: [.apt(["libmimalloc-dev"])]),
        .executableTarget(name: "docverify", dependencies: ["DocverifyCLI", "CMimalloc"]),
        // The simulated cluster over HTTP (Hummingbird); only docverify-serve links it.
        .target(name: "ClusterServer", dependencies: [
            "ManagementAPI", "InfluxctlModel", "SimulatedCluster", "TokenCore", "Verification",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
        ]),
        .executableTarget(name: "docverify-serve", dependencies: [
            "ClusterServer", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "DocExtractionTests", dependencies: ["DocExtraction", .product(name: "Yams", package: "Yams")], exclude: ["Fixtures"]),
        .testTarget(name: "ShellSyntaxTests", dependencies: ["ShellSyntax"], exclude: ["Fixtures"]),
        .testTarget(name: "InfluxctlModelTests", dependencies: ["InfluxctlModel"], exclude: ["Fixtures"]),
        .testTarget(name: "ManagementAPITests", dependencies: ["ManagementAPI"], exclude: ["Fixtures"]),
        .testTarget(name: "TokenCoreTests", dependencies: ["TokenCore"]),
        .testTarget(name: "Influxdb3ModelTests", dependencies: ["Influxdb3Model", "ShellSyntax"], exclude: ["Fixtures"]),
        .testTarget(name: "APISpecsTests", dependencies: ["APISpecs", "ManagementAPI", .product(name: "Yams", package: "Yams")], exclude: ["Fixtures"]),
        .testTarget(name: "SimulatedClusterTests", dependencies: ["SimulatedCluster"]),
        .testTarget(name: "VerificationTests", dependencies: ["Verification", "DocExtraction", "InfluxctlModel", "TokenCore", "Diagnostics"], exclude: ["Fixtures", "HugoFixtures", "SpecFixtures", "Influxdb3Fixtures"]),
        .testTarget(name: "RunSettingsTests", dependencies: ["RunSettings", "Verification", "DocExtraction", "Diagnostics"], exclude: ["Fixtures"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "Verification", "DocExtraction", "Diagnostics"], exclude: ["Golden"]),
        .testTarget(name: "DocverifyCLITests", dependencies: ["DocverifyCLI", .product(name: "Yams", package: "Yams")], exclude: ["Fixtures"]),
        .testTarget(name: "ClusterServerTests", dependencies: ["ClusterServer", "SimulatedCluster"]),
    ],
    swiftLanguageModes: [.v6]
)
