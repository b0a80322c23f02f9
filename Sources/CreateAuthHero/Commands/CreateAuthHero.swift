import ArgumentParser
import Scaffold

@main
struct CreateAuthHero: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-authhero",
        abstract: "Generate a multi-tenant, Auth0-compatible authentication server project.",
        discussion: TemplateHelp.discussion,
        version: GeneratorVersion.current,
        subcommands: [Generate.self, List.self],
        defaultSubcommand: Generate.self
    )
}
