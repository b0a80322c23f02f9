import ArgumentParser
import AuthHeroCore

/// `keys rotate`: a new signing key for a tenant; the old one stays in the JWKS for the grace period so tokens it
/// signed keep verifying.
struct Keys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Manage signing keys.", subcommands: [Rotate.self])

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rotate a tenant's signing key.")

        @Option(help: "The tenant (default: the control plane).")
        var tenant = ControlPlane.tenantID

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let environment = AppEnvironment()
            let runtime = try {{#database_postgres}}await {{/database_postgres}}database.openRuntime(environment)
            guard try await runtime.storage.tenant(tenant) != nil else { throw CommandError("no tenant \(tenant)") }
            let kid = try await runtime.services.keys.rotate(tenantID: tenant, actor: "cli:{{module_name}}")
            print("Tenant \(tenant) now signs with key \(kid)")
        }
    }
}
