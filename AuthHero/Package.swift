// swift-tools-version:6.1
// The AuthHero runtime. create-authhero vendors this folder byte for byte into every generated project, and
// `create-authhero update` replaces it as a whole there: keep a project's own changes in its own targets.
import PackageDescription

/// Settings every target compiles with: explicit `any` for existentials, and imports that name each module whose
/// members a file uses.
let strictness: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "AuthHero",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "AuthHeroCore", targets: ["AuthHeroCore"]),
        .library(name: "AuthHeroSQLite", targets: ["AuthHeroSQLite"]),
        .library(name: "AuthHeroVerify", targets: ["AuthHeroVerify"]),
        .library(name: "AuthHeroServer", targets: ["AuthHeroServer"]),
        .library(name: "AuthHeroTesting", targets: ["AuthHeroTesting"]),
    ],
    traits: [
        .trait(
            name: "Argon2",
            description:
                "Verify argon2 password hashes brought in by a users import (links libargon2: apt install libargon2-dev)."
        )
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.7.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.4.0"),
    ],
    targets: [
        // The system's zlib, for gzipped users-export files (Auth0 serves them gzipped).
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        // The reference argon2 implementation, linked only with the Argon2 trait.
        .systemLibrary(
            name: "CArgon2", pkgConfig: "libargon2", providers: [.apt(["libargon2-dev"]), .brew(["argon2"])]),
        .target(
            name: "AuthHeroCore",
            dependencies: [
                "CZlib",
                .target(name: "CArgon2", condition: .when(traits: ["Argon2"])),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: strictness
        ),
        .target(
            name: "AuthHeroSQLite",
            dependencies: ["AuthHeroCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictness
        ),
        .target(
            name: "AuthHeroVerify",
            dependencies: [.product(name: "JWTKit", package: "jwt-kit")],
            swiftSettings: strictness
        ),
        .target(
            name: "AuthHeroServer",
            dependencies: [
                "AuthHeroCore", "AuthHeroVerify",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
            ],
            swiftSettings: strictness
        ),
        // The test kit every test target shares: a browser with a cookie jar, HTML forms, login steps, a running
        // server, temporary folders and clocks that move only when told.
        .target(
            name: "AuthHeroTesting",
            dependencies: [
                "AuthHeroCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictness
        ),
    ]
)
