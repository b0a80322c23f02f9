import ArgumentParser
import Scaffold

@main
struct CreateAuthHero: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-authhero",
        abstract: "Generate a multi-tenant, Auth0-compatible authentication server project.",
        usage: """
            create-authhero [DIR] [--template ID] [--set NAME=VALUE ...] [--name NAME] [--answers-file FILE]
                              [--yes] [--dry-run] [--json] [--force] [--interactive | --no-interactive]
              create-authhero list [--json]
              create-authhero update [DIR] [--set NAME=VALUE ...] [--dry-run] [--json] [--allow-dirty] [--force]
              create-authhero check [DIR] [--json]
              create-authhero diff [DIR] [--exit-code]
            Every flag is described by `create-authhero generate --help`.
            """,
        discussion: TemplateHelp.discussion,
        version: GeneratorVersion.current,
        subcommands: [Generate.self, List.self, Update.self, Check.self, Diff.self],
        defaultSubcommand: Generate.self
    )
}
