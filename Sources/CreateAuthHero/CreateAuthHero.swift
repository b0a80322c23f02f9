import ArgumentParser
import Scaffold

@main
struct CreateAuthHero: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-authhero",
        abstract: "Generate a multi-tenant, Auth0-compatible authentication server project.",
        version: GeneratorVersion.current
    )

    func run() throws {
        print("create-authhero \(GeneratorVersion.current)")
    }
}
