// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "{{name}}",
    platforms: [.macOS(.v14)],
    targets: [
        .executableTarget(
            name: "{{module_name}}",
            resources: [.copy("Resources")]
        ),
    ]
)
