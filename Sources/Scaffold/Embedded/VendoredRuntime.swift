import Foundation

/// The AuthHero runtime as a local Swift package inside a generated project (`AuthHero/`): its
/// `Package.swift` and every runtime source from ``EmbeddedRuntime``, byte for byte.
///
/// These files are produced by code rather than by a template's Mustache files; they join a
/// rendering through `extra:` (``TemplateRenderer/render(name:answers:extra:)`` and
/// ``UpdatePlanner/plan(_:answers:extra:replacingEditedVendoredFiles:)``) so that generation and
/// update see the same tree.
public enum VendoredRuntime {
    /// The folder of the vendored package inside a generated project.
    public static let folder = "AuthHero"

    /// The dependency lines of the vendored `Package.swift`: the same packages and lowest versions
    /// as the generator's own `Package.swift`, so a generated project resolves from the same mirror.
    public static let dependencies = [
        #".package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),"#,
        #".package(url: "https://github.com/apple/swift-log", from: "1.16.2"),"#,
        #".package(url: "https://github.com/vapor/jwt-kit", from: "5.7.1"),"#,
        #".package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),"#,
        #".package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),"#,
        #".package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),"#,
        #".package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),"#,
        #".package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.4.0"),"#,
    ]

    /// `AuthHero/Package.swift`: the four runtime libraries with the targets and dependencies they
    /// have in the generator's repository.
    public static let packageManifest = """
        // swift-tools-version:6.0
        // The AuthHero runtime, vendored by create-authhero: `create-authhero update` replaces this
        // folder as a whole, so keep your changes in your own targets.
        import PackageDescription

        let package = Package(
            name: "AuthHero",
            platforms: [.macOS(.v14)],
            products: [
                .library(name: "AuthHeroCore", targets: ["AuthHeroCore"]),
                .library(name: "AuthHeroSQLite", targets: ["AuthHeroSQLite"]),
                .library(name: "AuthHeroVerify", targets: ["AuthHeroVerify"]),
                .library(name: "AuthHeroServer", targets: ["AuthHeroServer"]),
            ],
            dependencies: [
        \(dependencies.map { "        " + $0 }.joined(separator: "\n"))
            ],
            targets: [
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
            ]
        )

        """

    /// Every file of the vendored package, class `vendored`, sorted by path.
    public static func files() -> [RenderedFile] {
        let manifest = RenderedFile(
            path: folder + "/Package.swift", contents: Data(packageManifest.utf8), class: .vendored, executable: false)
        let sources = EmbeddedRuntime.files.keys.sorted().map { path in
            RenderedFile(
                path: folder + "/Sources/" + path, contents: EmbeddedRuntime.files[path]!, class: .vendored,
                executable: false)
        }
        return [manifest] + sources
    }

    /// The vendored files a template asks for: all of them when its manifest sets `vendorsRuntime`,
    /// none otherwise.
    public static func files(for manifest: TemplateManifest) -> [RenderedFile] {
        manifest.vendorsRuntime ? files() : []
    }
}
