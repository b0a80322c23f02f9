import ArgumentParser

/// `{{module_name}}`: the {{name}} control plane, a multi-tenant, Auth0-compatible authentication server.
///
{{#database_sqlite}}
/// Every subcommand reads `.env` in the current directory (the process environment wins) and works on the SQLite
/// file at `DATABASE_PATH` (default `data/control-plane.sqlite`), with customer tenants' rows laid out as `STORAGE` says
/// (`shared`, or `database-per-tenant`: one file per tenant under `data/tenants/`).
{{/database_sqlite}}
{{#database_postgres}}
/// Every subcommand reads `.env` in the current directory (the process environment wins) and works on the PostgreSQL
/// database at `DATABASE_URL`, with customer tenants' rows laid out as `STORAGE` says (`shared`, one schema under
/// row-level security, or `schema-per-tenant`: one schema per tenant).
{{/database_postgres}}
@main
struct App: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "{{module_name}}",
        abstract: "The {{name}} control plane: a multi-tenant, Auth0-compatible authentication server.",
        subcommands: [
            Serve.self, Migrate.self, Seed.self, Tenants.self, Keys.self, Sync.self, Prune.self, Token.self, Export.self,
            Import.self, ImportAuth0.self,
        ],
        defaultSubcommand: Serve.self
    )
}
