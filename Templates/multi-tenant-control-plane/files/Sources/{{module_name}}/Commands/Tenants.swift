import ArgumentParser
import AuthHeroCore

/// `tenants create|list|delete`: the same operations as `/api/v2/tenants`, for the platform's operators.
struct Tenants: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create, list and delete customer tenants.",
        subcommands: [Create.self, List.self, Delete.self]
    )

    /// `tenants create NAME --owner EMAIL`: creates the tenant, its organization and link, and makes the owner an
    /// admin member, exactly as `POST /api/v2/tenants` does for a signed-in user.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a customer tenant for a control-plane user.")

        @Argument(help: "The tenant id: a DNS label (a-z, 0-9, -), e.g. coffee-shop.")
        var name: String

        @Option(help: "The display name (default: the tenant id).")
        var displayName: String?

        @Option(help: "The email of the control-plane user who owns it (default: ADMIN_EMAIL, else {{admin_email}}).")
        var owner: String?

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let environment = AppEnvironment()
            let runtime = try {{#database_postgres}}await {{/database_postgres}}database.openRuntime(environment)
            let email = owner ?? environment["ADMIN_EMAIL"] ?? "{{admin_email}}"
            guard
                let user = try await runtime.storage.user(
                    email: email, connection: TenantProvisioner.databaseConnection, tenantID: ControlPlane.tenantID)
            else { throw CommandError("no control-plane user \(email); sign up first or pass --owner") }
            do {
                let (tenant, organization) = try await runtime.services.tenantProvisioner.create(
                    name: name, displayName: displayName ?? name, creatorUserID: user.id)
                print("Created tenant \(tenant.id) (organization \(organization.id), owner \(email))")
                print("  issuer: \(runtime.hosts.subdomainIssuer(tenantID: tenant.id))")
            } catch let error as TenantCreationError {
                throw CommandError("\(error)")
            }
        }
    }

    /// `tenants list`: every tenant with its state and organization.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every tenant.")

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let environment = AppEnvironment()
            let runtime = try {{#database_postgres}}await {{/database_postgres}}database.openRuntime(environment)
            for tenant in try await runtime.storage.tenants() {
                let issuer = tenant.id == ControlPlane.tenantID
                    ? runtime.hosts.controlPlaneIssuer : runtime.hosts.subdomainIssuer(tenantID: tenant.id)
                print([tenant.id, tenant.provisioningState.rawValue, tenant.organizationID ?? "-", issuer].joined(separator: "\t"))
            }
        }
    }

    /// `tenants delete NAME`: removes the tenant, every row it owns and its organization (audited).
    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a customer tenant and everything it owns.")

        @Argument(help: "The tenant id.")
        var name: String

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let environment = AppEnvironment()
            let runtime = try {{#database_postgres}}await {{/database_postgres}}database.openRuntime(environment)
            guard try await runtime.storage.tenant(name) != nil else { throw CommandError("no tenant \(name)") }
            do {
                try await runtime.services.tenantProvisioner.delete(tenantID: name, actor: "cli:{{module_name}}")
            } catch let error as TenantDeletionError {
                throw CommandError("\(error)")
            }
            print("Deleted tenant \(name)")
        }
    }
}
