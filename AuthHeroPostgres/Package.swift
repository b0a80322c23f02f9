// swift-tools-version:6.0
// PostgreSQL storage for the AuthHero runtime, in a package of its own so that a project on SQLite never resolves or
// compiles postgres-nio: only a project on PostgreSQL depends on this folder (next to the vendored `AuthHero/`).
import PackageDescription

/// Settings every target compiles with: explicit `any` for existentials, and imports that name each module whose
/// members a file uses.
let strictness: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "AuthHeroPostgres",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "AuthHeroPostgres", targets: ["AuthHeroPostgres"])
    ],
    dependencies: [
        .package(path: "../AuthHero"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(
            name: "AuthHeroPostgres",
            dependencies: [
                .product(name: "AuthHeroCore", package: "AuthHero"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictness
        )
    ]
)
