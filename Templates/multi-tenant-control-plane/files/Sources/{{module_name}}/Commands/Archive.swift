import ArgumentParser
import AuthHeroCore
{{#database_sqlite}}
import AuthHeroSQLite
{{/database_sqlite}}
{{#database_postgres}}
import AuthHeroPostgres
{{/database_postgres}}
import Foundation

/// `export` and `import`: move tenants between databases, storage layouts and stores (SQLite shared or database per
/// tenant, PostgreSQL shared or schema per tenant) through the runtime's portable tenant archive, a versioned JSON
/// file of every row a tenant owns.
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a tenant (or every tenant, the control plane included) to a portable archive file.",
        discussion: """
            The archive holds password hashes and private signing keys: it is written readable by you only (0600). \
            Move every tenant to the other layout with, for example:
              swift run {{module_name}} export --all --output tenants.json
{{#database_sqlite}}
              swift run {{module_name}} import tenants.json --storage database-per-tenant --database data2/control-plane.sqlite
{{/database_sqlite}}
{{#database_postgres}}
              STORAGE=schema-per-tenant DATABASE_URL=postgres://… swift run {{module_name}} import tenants.json
{{/database_postgres}}
            """)

    @Option(help: "The tenant to export.")
    var tenant: String?

    @Flag(help: "Export every tenant, the control plane included.")
    var all = false

    @Option(help: "The archive file to write (replaced if it exists).")
    var output: String

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard (tenant == nil) != !all else { throw ValidationError("Name one tenant with --tenant ID, or pass --all.") }
    }

    func run() async throws {
        let environment = AppEnvironment()
        let runtime = try {{#database_postgres}}await {{/database_postgres}}database.openRuntime(environment)
        do {
            let archive: TenantArchive
            if let tenant {
                archive = try await runtime.storage.exportTenant(tenant)
            } else {
                archive = try await runtime.storage.exportAllTenants()
            }
            try archive.write(to: URL(fileURLWithPath: output))
            let ids = archive.tenants.compactMap(\.tenantID)
            print("Exported \(ids.joined(separator: ", ")) to \(output) (schema \(archive.schemaVersion); keep it private).")
        } catch let error as TenantArchiveError {
            throw CommandError(error.description)
        }
    }
}

/// `import FILE`: adds the archive's tenants to this database, in this database's layout; all or nothing per tenant.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add the tenants of an archive file to this database (see `export`).")

    @Argument(help: "The archive file written by `export`.")
    var file: String

    @Flag(help: "Replace tenants that exist already instead of refusing.")
    var replace = false

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let environment = AppEnvironment()
        let runtime = try {{#database_postgres}}await {{/database_postgres}}database.openRuntime(environment)
        do {
            let archive = try TenantArchive.read(from: URL(fileURLWithPath: file))
            let ids = try await runtime.storage.importArchive(archive, replacing: replace)
            print("Imported \(ids.joined(separator: ", ")) (storage: \(runtime.storage.layout.rawValue)).")
        } catch let error as TenantArchiveError {
            throw CommandError(error.description)
        } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
            throw CommandError("No archive at \(file).")
        }
    }
}
