// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for docverify, kept out of the main package so its `swift build` never
// builds them. Build and run one with `scripts/fuzz TARGET RUNS` from the repository root; the
// targets only link with `-sanitize=fuzzer`, which brings in the libFuzzer runtime.
let package = Package(
    name: "docverify-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "docverify", path: ".."),
    ],
    targets: [
        // Declares libFuzzer's driver entry point; the runtime itself comes with -sanitize=fuzzer.
        .systemLibrary(name: "CLibFuzzer"),
        // Starts libFuzzer from each target's `@main`; the `check` helper that traps on a broken invariant.
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"]),
        // Bytes -> Page: the Markdown extractor (libcmark, front matter, shortcodes, directives).
        .executableTarget(name: "FuzzExtract", dependencies: ["FuzzSupport", .product(name: "DocverifyKit", package: "docverify")]),
        // Text -> ShellScript: the POSIX-shell lexer, in both dialects.
        .executableTarget(name: "FuzzLexer", dependencies: ["FuzzSupport", .product(name: "DocverifyKit", package: "docverify")]),
        // Bytes -> the whole check of one page, rendered in every report format.
        .executableTarget(name: "FuzzPage", dependencies: ["FuzzSupport", .product(name: "DocverifyKit", package: "docverify")]),
    ],
    swiftLanguageModes: [.v6]
)
