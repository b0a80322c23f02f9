// swift-tools-version:6.1
import PackageDescription

// The generator: `create-authhero` on top of the `Scaffold` engine. The AuthHero runtime it vendors into
// generated projects is the nested package `AuthHero/` (its own manifest pins the runtime's dependencies); its
// tests, the development server and the fuzz server live here, so they are not vendored.
// Benchmarks live in their own package under `Benchmarks/` so CI never builds them.

/// Settings every target compiles with: explicit `any` for existentials, and imports that name each module whose
/// members a file uses.
let strictness: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "create-authhero",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "create-authhero", targets: ["CreateAuthHero"]),
        .executable(name: "authhero-dev", targets: ["AuthHeroDev"]),
        .library(name: "Scaffold", targets: ["Scaffold"]),
    ],
    dependencies: [
        // Argon2: the runtime's tests import argon2 hashes too (the trait links libargon2).
        .package(path: "AuthHero", traits: ["Argon2"]),
        .package(path: "AuthHeroPostgres"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.7.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.4.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // MARK: Generator
        .target(
            name: "Scaffold",
            dependencies: [
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictness,
            plugins: ["EmbedResources"]
        ),
        // Build-time embedding of `Templates/` and the folders templates vendor into `Scaffold`.
        .executableTarget(name: "EmbedResourcesTool", swiftSettings: strictness),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["EmbedResourcesTool"]),
        // Seeds a generated project's control plane through the runtime; keeps `Scaffold` free of the runtime.
        .target(
            name: "ProjectSeeding",
            dependencies: [
                "Scaffold", .product(name: "AuthHeroCore", package: "AuthHero"),
                .product(name: "AuthHeroSQLite", package: "AuthHero"), .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictness
        ),
        .executableTarget(
            name: "CreateAuthHero",
            dependencies: [
                "Scaffold", "ProjectSeeding", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictness
        ),

        // MARK: Runtime development
        .executableTarget(
            name: "AuthHeroDev",
            dependencies: [
                .product(name: "AuthHeroCore", package: "AuthHero"),
                .product(name: "AuthHeroServer", package: "AuthHero"),
                .product(name: "AuthHeroSQLite", package: "AuthHero"),
                .product(name: "AuthHeroPostgres", package: "AuthHeroPostgres"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictness
        ),

        // MARK: Tests
        // `assertGolden`: the golden-file comparison every golden test shares.
        .target(
            name: "GoldenTesting",
            dependencies: ["Scaffold", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/GoldenTesting",
            swiftSettings: strictness
        ),
        .testTarget(name: "ScaffoldTests", dependencies: ["Scaffold", "GoldenTesting"], swiftSettings: strictness),
        // Runs the built `create-authhero` (from `.build/<config>/`) as a subprocess.
        .testTarget(name: "CreateAuthHeroTests", dependencies: ["Scaffold"], swiftSettings: strictness),
        .testTarget(
            name: "ProjectSeedingTests",
            dependencies: [
                "ProjectSeeding", "Scaffold", "GoldenTesting", .product(name: "AuthHeroCore", package: "AuthHero"),
                .product(name: "AuthHeroSQLite", package: "AuthHero"), .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "AuthHeroCoreTests",
            dependencies: [
                .product(name: "AuthHeroTesting", package: "AuthHero"),
                .product(name: "AuthHeroCore", package: "AuthHero"), .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "AuthHeroSQLiteTests",
            dependencies: [
                .product(name: "AuthHeroTesting", package: "AuthHero"),
                .product(name: "AuthHeroCore", package: "AuthHero"),
                .product(name: "AuthHeroSQLite", package: "AuthHero"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictness
        ),
        // The storage contract, run against every storage module and layout (PostgreSQL ones under
        // `Scripts/with-postgres.sh`).
        .testTarget(
            name: "StorageContractTests",
            dependencies: [
                .product(name: "AuthHeroTesting", package: "AuthHero"),
                .product(name: "AuthHeroCore", package: "AuthHero"),
                .product(name: "AuthHeroSQLite", package: "AuthHero"),
                .product(name: "AuthHeroPostgres", package: "AuthHeroPostgres"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: strictness
        ),
        // Killed mid-provisioning by `ProvisioningKillTests` (run from `.build/<config>/` as a subprocess).
        .executableTarget(
            name: "ProvisioningKillHelper",
            dependencies: [
                .product(name: "AuthHeroCore", package: "AuthHero"),
                .product(name: "AuthHeroSQLite", package: "AuthHero"),
            ],
            path: "Tests/ProvisioningKillHelper",
            swiftSettings: strictness
        ),
        // Serves a seeded control plane for `Scripts/management-api-fuzz.sh` (schemathesis against `/api/v2/spec`).
        .executableTarget(
            name: "ManagementFuzzServer",
            dependencies: [
                .product(name: "AuthHeroCore", package: "AuthHero"),
                .product(name: "AuthHeroServer", package: "AuthHero"),
                .product(name: "AuthHeroSQLite", package: "AuthHero"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/ManagementFuzzServer",
            swiftSettings: strictness
        ),
        .testTarget(
            name: "AuthHeroServerTests",
            dependencies: [
                .product(name: "AuthHeroTesting", package: "AuthHero"),
                .product(name: "AuthHeroCore", package: "AuthHero"),
                .product(name: "AuthHeroServer", package: "AuthHero"),
                .product(name: "AuthHeroSQLite", package: "AuthHero"),
                .product(name: "AuthHeroVerify", package: "AuthHero"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "AuthHeroPostgres", package: "AuthHeroPostgres"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "AuthHeroVerifyTests",
            dependencies: [
                .product(name: "AuthHeroTesting", package: "AuthHero"),
                .product(name: "AuthHeroVerify", package: "AuthHero"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictness
        ),
    ]
)
