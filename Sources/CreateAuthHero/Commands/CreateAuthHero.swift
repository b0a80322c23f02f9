import ArgumentParser
import Scaffold

@main
struct CreateAuthHero: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-authhero",
        abstract: "Generate a multi-tenant, Auth0-compatible authentication server project.",
        usage: """
            create-authhero [DIR] [--template ID] [--set NAME=VALUE ...] [--name NAME] [--answers-file FILE]
                              [--yes] [--dry-run] [--json] [--force] [--interactive | --no-interactive]
              create-authhero list [--json]
            Every flag is described by `create-authhero generate --help`.
            """,
        discussion: TemplateHelp.discussion,
        version: GeneratorVersion.current,
        subcommands: [Generate.self, List.self],
        defaultSubcommand: Generate.self
    )
}
