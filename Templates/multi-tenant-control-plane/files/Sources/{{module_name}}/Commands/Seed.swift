import ArgumentParser
import AuthHeroCore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `seed`: creates whatever the control plane is missing (idempotent; the same seed create-authhero ran at
/// generation time): the `control-plane` tenant and key, the database connection, the three APIs, the five roles,
/// the Portal and Backend Sample clients, and the administrator.
struct Seed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Seed the control plane (idempotent).")

    /// Where a generated password goes when it cannot be shown on a terminal.
    static let passwordFile = "data/admin-password.txt"

    @Option(help: "The administrator's email (default: ADMIN_EMAIL, else {{admin_email}}).")
    var adminEmail: String?

    @Option(
        help: ArgumentHelp(
            "Make this existing account the platform administrator.",
            discussion: """
                seed promotes only an account it created itself. When the administrator's email already belongs to \
                an account (anyone can sign up with any address), seed refuses unless you name that account here \
                after checking that it is yours.
                """))
    var promoteExisting: String?

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let environment = AppEnvironment()
        let path = database.databasePath(environment)
        let baseURL = database.resolvedBaseURL(environment)
        let runtime = try {{#database_postgres}}await {{/database_postgres}}database.openRuntime(environment{{#database_postgres}}, migrating: true{{/database_postgres}})
        let given = environment["ADMIN_PASSWORD"]
        let password = given ?? RandomToken.make(byteCount: 18)
        let result = try await ControlPlaneSeed(
            storage: runtime.storage, keys: runtime.services.keys, clock: runtime.services.clock
        ).run(
            ControlPlaneSeedSettings(
                baseURL: baseURL, adminEmail: adminEmail ?? environment["ADMIN_EMAIL"] ?? "{{admin_email}}",
                adminPassword: password, promoteExisting: promoteExisting))
        print("Seeded \(path) (issuer \(baseURL))")
        print("  PORTAL_CLIENT_ID=\(result.portalClientID)")
        print("  BACKEND_SAMPLE_CLIENT_ID=\(result.backendSampleClientID)")
        if let secret = result.backendSampleClientSecret {
            print("  BACKEND_SAMPLE_CLIENT_SECRET=\(secret)   (shown once: only its hash is stored)")
        }
        guard result.createdAdmin, given == nil else { return }
        if isatty(STDOUT_FILENO) == 1 {
            print("Administrator created with the generated password (shown once): \(password)")
        } else {
            try Self.writeOwnerOnly(password + "\n", to: Self.passwordFile)
            print("Administrator created; the generated password is in \(Self.passwordFile) (readable by you only).")
        }
    }

    /// Writes `text` to a new file only its owner can read.
    static func writeOwnerOnly(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else { throw CommandError("cannot write \(path)") }
    }
}
