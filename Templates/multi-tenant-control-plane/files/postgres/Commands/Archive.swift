import ArgumentParser

/// `export`: writes tenants to a portable archive. The PostgreSQL storage cannot write one yet, so it refuses with
/// one line before connecting.
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write tenants to a portable archive file (not yet on PostgreSQL).")

    @Option(help: "The tenant to export.")
    var tenant: String?

    @Flag(help: "Export every tenant, the control plane included.")
    var all = false

    @Option(help: "The archive file to write (replaced if it exists).")
    var output: String

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        throw CommandError(Self.unsupported)
    }

    static let unsupported =
        "export and import do not work on PostgreSQL yet: the PostgreSQL storage has no tenant archive; move tenants "
        + "with a SQLite flavour of this project."
}

/// `import FILE`: adds an archive's tenants to this database; refused on PostgreSQL for now, like `export`.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add the tenants of an archive file to this database (not yet on PostgreSQL).")

    @Argument(help: "The archive file written by `export`.")
    var file: String

    @Flag(help: "Replace tenants that exist already instead of refusing.")
    var replace = false

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        throw CommandError(Export.unsupported)
    }
}
