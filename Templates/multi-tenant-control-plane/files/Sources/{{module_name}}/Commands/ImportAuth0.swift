import ArgumentParser
import AuthHeroCore

/// `import-auth0 FOLDER --tenant ID`: brings an Auth0 tenant (users, roles with permissions, APIs, applications,
/// database connections, organizations with members and member roles) into one customer tenant. The folder is what
/// `scripts/export-auth0.py` writes; this command never calls Auth0.
struct ImportAuth0: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-auth0",
        abstract: "Import an Auth0 export folder (written by scripts/export-auth0.py) into a customer tenant.",
        discussion: """
            The whole folder is read and checked before anything is written; a second run updates what the first \
            created and duplicates nothing. Users keep their Auth0 ids (auth0|…) and, from a bulk-import users.json, \
            their password hashes; a user whose hash algorithm is not supported is skipped and listed. Auth0's client \
            secrets cannot be exported: each confidential application gets a new secret, printed once.
              python3 scripts/export-auth0.py --domain acme.eu.auth0.com --token "$AUTH0_TOKEN" --output auth0-export
              swift run {{module_name}} import-auth0 auth0-export --tenant acme --create-tenant --dry-run
            """)

    @Argument(help: "The export folder (users.ndjson or users.json, roles.json, organizations.json, ...).")
    var folder: String

    @Option(help: "The customer tenant to import into.")
    var tenant: String

    @Flag(help: "Create the tenant first, as `tenants create` does (organization and link in the control plane).")
    var createTenant = false

    @Option(help: "With --create-tenant: the control-plane user who owns it (default: ADMIN_EMAIL, else {{admin_email}}).")
    var owner: String?

    @Flag(help: "Check the folder and print the report without writing anything.")
    var dryRun = false

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard tenant != ControlPlane.tenantID else {
            throw ValidationError("Import into a customer tenant, not the control plane; pass --tenant <id>.")
        }
        guard owner == nil || createTenant else { throw ValidationError("--owner goes with --create-tenant.") }
    }

    func run() async throws {
        let environment = AppEnvironment()
        let runtime = try {{#database_postgres}}await {{/database_postgres}}database.openRuntime(environment)
        let plan: Auth0ImportPlan
        do {
            plan = try Auth0Import.plan(folder: folder)
        } catch {
            throw CommandError("\(error) Nothing was written: fix the export (or export it again) and re-run.")
        }
        if try await runtime.storage.tenant(tenant) == nil {
            guard createTenant else {
                throw CommandError("no tenant \(tenant); pass --create-tenant to create it, or pick one from `tenants list`")
            }
            // A dry run reads no tenant that does not exist yet (that could create its database file).
            guard !dryRun else {
                print("Dry run: nothing was written. Tenant \(tenant) would be created; the export holds:")
                for line in plan.lines { print("  \(line)") }
                return
            }
            try await create(runtime, environment)
        }
        let report = try await Auth0Import(storage: runtime.storage, clock: runtime.services.clock)
            .apply(plan, tenantID: tenant, dryRun: dryRun)
        print(dryRun ? "Dry run: nothing was written. The import would give:" : "Imported into \(tenant):")
        for line in report.lines { print("  \(line)") }
        if !report.clientSecrets.isEmpty {
            print("New client secrets (shown once; Auth0's cannot be exported):")
            for secret in report.clientSecrets { print("  \(secret.clientID)\t\(secret.secret)\t\(secret.name)") }
        }
    }

    private func create(_ runtime: ControlPlaneRuntime, _ environment: AppEnvironment) async throws {
        let email = owner ?? environment["ADMIN_EMAIL"] ?? "{{admin_email}}"
        guard
            let user = try await runtime.storage.user(
                email: email, connection: TenantProvisioner.databaseConnection, tenantID: ControlPlane.tenantID)
        else { throw CommandError("no control-plane user \(email); sign up first or pass --owner") }
        do {
            let (created, organization) = try await runtime.services.tenantProvisioner.create(
                name: tenant, displayName: tenant, creatorUserID: user.id)
            print("Created tenant \(created.id) (organization \(organization.id), owner \(email))")
        } catch let error as TenantCreationError {
            throw CommandError("\(error)")
        }
    }
}
