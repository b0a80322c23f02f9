// swift-tools-version:6.0
import PackageDescription

// Benchmarks live in their own package so CI never builds them. Run with:
//   swift run -c release --package-path Benchmarks token-benchmark
//   swift run -c release --package-path Benchmarks sync-benchmark
//   swift run -c release --package-path Benchmarks storage-benchmark [--tenants 1000]
//   Scripts/with-postgres.sh swift run -c release --package-path Benchmarks postgres-benchmark migrate [--schemas 1000]
let package = Package(
    name: "AuthHeroBenchmarks",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "token-benchmark", targets: ["TokenBenchmark"]),
        .executable(name: "sync-benchmark", targets: ["SyncBenchmark"]),
        .executable(name: "storage-benchmark", targets: ["StorageBenchmark"]),
        .executable(name: "postgres-benchmark", targets: ["PostgresBenchmark"]),
    ],
    dependencies: [
        .package(path: "../AuthHero"),
        .package(path: "../AuthHeroPostgres"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.7.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .executableTarget(
            name: "TokenBenchmark",
            dependencies: [
                .product(name: "AuthHeroCore", package: "AuthHero"),
                .product(name: "AuthHeroSQLite", package: "AuthHero"),
                .product(name: "AuthHeroServer", package: "AuthHero"),
                .product(name: "AuthHeroVerify", package: "AuthHero"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/TokenBenchmark"
        ),
        .executableTarget(
            name: "SyncBenchmark",
            dependencies: [
                .product(name: "AuthHeroCore", package: "AuthHero"),
                .product(name: "AuthHeroSQLite", package: "AuthHero"),
                .product(name: "AuthHeroServer", package: "AuthHero"),
                .product(name: "AuthHeroTesting", package: "AuthHero"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/SyncBenchmark"
        ),
        .executableTarget(
            name: "StorageBenchmark",
            dependencies: [
                .product(name: "AuthHeroCore", package: "AuthHero"),
                .product(name: "AuthHeroSQLite", package: "AuthHero"),
                .product(name: "AuthHeroServer", package: "AuthHero"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AuthHeroPostgres", package: "AuthHeroPostgres"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/StorageBenchmark"
        ),
        .executableTarget(
            name: "PostgresBenchmark",
            dependencies: [
                .product(name: "AuthHeroCore", package: "AuthHero"),
                .product(name: "AuthHeroPostgres", package: "AuthHeroPostgres"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/PostgresBenchmark"
        ),
    ]
)
