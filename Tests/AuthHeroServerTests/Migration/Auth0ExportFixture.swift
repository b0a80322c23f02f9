import AuthHeroCore
import AuthHeroTesting
import Foundation
import Testing

/// The Auth0 export in `Tests/Fixtures/auth0-export` (written by its `make_fixture.py`), and copies of it to spoil.
enum Auth0ExportFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/auth0-export").path
    static let audience = "https://reports.example.com"
    static let digestPassword = "correct horse"
    static let bcryptPassword = "rasmuslerdorf"

    /// The hash kinds in the order users take them: user `n` has kind `n % 10`; user 49 has an `md4` hash.
    static let kinds = [
        "bcrypt-2a", "bcrypt-2b", "bcrypt-2y", "pbkdf2-sha256", "pbkdf2-sha512", "sha256-prefix", "sha256-suffix",
        "sha512-prefix", "sha512-suffix", "md5",
    ]

    static func email(_ index: Int) -> String { String(format: "user%02d@reports.example", index) }
    static func password(_ index: Int) -> String { index % kinds.count < 3 ? bcryptPassword : digestPassword }

    /// A copy of the fixture, changed by `change`, that the caller removes.
    static func copy(_ change: (URL) throws -> Void) throws -> TemporaryFolder {
        let temporary = try TemporaryFolder(prefix: "auth0-export")
        let copy = temporary.url.appendingPathComponent("export")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: folder), to: copy)
        try change(copy)
        return temporary
    }

    /// What a tenant holds, to compare before and after an import.
    struct TenantContents: Equatable {
        var users: [String]
        var organizations: [String]
        var roles: [String]
        var clients: [String]
        var resourceServers: [String]
        var members: [String]

        static func of(_ tenantID: String, in storage: any AuthHeroStorage) async throws -> TenantContents {
            let all = ListWindow(offset: 0, limit: 1_000)
            let organizations = try await storage.organizations(window: all, tenantID: tenantID).items
            var members: [String] = []
            for organization in organizations {
                members += try await storage.members(of: organization.id, window: all, tenantID: tenantID).items.map {
                    "\(organization.id) \($0.id)"
                }
            }
            return TenantContents(
                users: try await storage.users(matching: nil, window: all, tenantID: tenantID).items.map(\.id),
                organizations: organizations.map(\.id),
                roles: try await storage.roles(nameContains: nil, window: all, tenantID: tenantID).items.map(\.id),
                clients: try await storage.clients(tenantID: tenantID).map(\.id).sorted(),
                resourceServers: try await storage.resourceServers(tenantID: tenantID).map(\.identifier).sorted(),
                members: members.sorted())
        }
    }
}
