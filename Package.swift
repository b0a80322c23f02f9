// swift-tools-version:6.0
import PackageDescription

// Two halves live in this package:
// - the generator (`create-authhero` on top of the `Scaffold` engine), and
// - the AuthHero runtime (`AuthHeroCore`, `AuthHeroSQLite`, `AuthHeroVerify`, `AuthHeroServer`),
//   compiled and tested here and vendored into every generated project.
// Benchmarks live in their own package under `Benchmarks/` so CI never builds them.
let package = Package(
    name: "create-authhero",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "create-authhero", targets: ["CreateAuthHero"]),
        .executable(name: "authhero-dev", targets: ["AuthHeroDev"]),
        .library(name: "Scaffold", targets: ["Scaffold"]),
        .library(name: "AuthHeroCore", targets: ["AuthHeroCore"]),
        .library(name: "AuthHeroSQLite", targets: ["AuthHeroSQLite"]),
        .library(name: "AuthHeroVerify", targets: ["AuthHeroVerify"]),
        .library(name: "AuthHeroServer", targets: ["AuthHeroServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.7.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.4.0"),
    ],
    targets: [
        // MARK: Generator
        .target(
            name: "Scaffold",
            dependencies: [.product(name: "Mustache", package: "swift-mustache"), .product(name: "Crypto", package: "swift-crypto")],
            plugins: ["EmbedResources"]
        ),
        // Build-time embedding of `Templates/` and the runtime sources into `Scaffold`.
        .executableTarget(name: "EmbedResourcesTool"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["EmbedResourcesTool"]),
        // Seeds a generated project's control plane through the runtime; keeps `Scaffold` free of the runtime.
        .target(
            name: "ProjectSeeding",
            dependencies: ["Scaffold", "AuthHeroCore", "AuthHeroSQLite", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .executableTarget(
            name: "CreateAuthHero",
            dependencies: [
                "Scaffold", "ProjectSeeding", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Runtime
        .target(
            name: "AuthHeroCore",
            dependencies: [
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ]
        ),
        .target(
            name: "AuthHeroSQLite",
            dependencies: ["AuthHeroCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "AuthHeroVerify",
            dependencies: [.product(name: "JWTKit", package: "jwt-kit")]
        ),
        .target(
            name: "AuthHeroServer",
            dependencies: [
                "AuthHeroCore", "AuthHeroVerify",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
            ]
        ),
        .executableTarget(
            name: "AuthHeroDev",
            dependencies: [
                "AuthHeroServer", "AuthHeroSQLite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Tests
        .testTarget(name: "ScaffoldTests", dependencies: ["Scaffold"]),
        // Runs the built `create-authhero` (from `.build/<config>/`) as a subprocess.
        .testTarget(name: "CreateAuthHeroTests", dependencies: ["Scaffold"]),
        .testTarget(
            name: "ProjectSeedingTests",
            dependencies: [
                "ProjectSeeding", "Scaffold", "AuthHeroCore", "AuthHeroSQLite", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(name: "AuthHeroCoreTests", dependencies: ["AuthHeroCore"]),
        .testTarget(name: "AuthHeroSQLiteTests", dependencies: ["AuthHeroSQLite"]),
        // Killed mid-provisioning by `ProvisioningKillTests` (run from `.build/<config>/` as a subprocess).
        .executableTarget(
            name: "ProvisioningKillHelper", dependencies: ["AuthHeroSQLite"], path: "Tests/ProvisioningKillHelper"),
        // Serves a seeded control plane for `Scripts/management-api-fuzz.sh` (schemathesis against `/api/v2/spec`).
        .executableTarget(
            name: "ManagementFuzzServer",
            dependencies: [
                "AuthHeroServer", "AuthHeroSQLite", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/ManagementFuzzServer"),
        .testTarget(
            name: "AuthHeroServerTests",
            dependencies: [
                "AuthHeroServer", "AuthHeroSQLite", "AuthHeroVerify",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "AuthHeroVerifyTests",
            dependencies: [
                "AuthHeroVerify",
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
    ]
)
