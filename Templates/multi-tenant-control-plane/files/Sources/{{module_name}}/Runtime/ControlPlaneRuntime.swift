import AuthHeroCore
import AuthHeroServer
import AuthHeroSQLite
import Foundation

/// The runtime's services over the project's SQLite files, wired with ``MultiTenancy``.
struct ControlPlaneRuntime: Sendable {
    let storage: SQLiteStorage
    let hosts: PlatformHosts
    let services: AuthHeroServices

    /// Opens (creating its folder and the file if needed) and migrates the control plane's database, with the
    /// tenants' rows laid out as `strategy` says (one shared file, or a file per customer tenant next to it).
    /// `development` lets `localhost` and `127.0.0.1` reach the control plane too (`ENVIRONMENT=development`);
    /// `trustedProxies` lists the CIDR blocks of the reverse proxies in front of the server (`TRUSTED_PROXIES`);
    /// `retention` how long processed outbox entries and audit entries are kept; `passwordHasher` is for tests, which
    /// lower the bcrypt cost.
    static func open(
        strategy: StorageStrategy, baseURL: String, development: Bool, trustedProxies: String = "",
        retention: RetentionPolicy = RetentionPolicy(), passwordHasher: PasswordHasher = PasswordHasher()
    ) throws -> ControlPlaneRuntime {
        let proxies: TrustedProxies
        do {
            proxies = try TrustedProxies(list: trustedProxies)
        } catch {
            throw CommandError(error.description)
        }
        let folder = URL(fileURLWithPath: strategy.databasePath).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let storage = try SQLiteStorage.open(strategy: strategy)
        try storage.migrate()
        let hosts = try PlatformHosts(baseURL: baseURL, development: development)
        let services = AuthHeroServices(
            storage: storage, hosts: hosts, passwordHasher: passwordHasher, trustedProxies: proxies,
            multiTenancy: MultiTenancy.plugin, retention: retention)
        return ControlPlaneRuntime(storage: storage, hosts: hosts, services: services)
    }

    /// Whether the control plane has been seeded (the `control-plane` tenant exists).
    func isSeeded() async throws -> Bool {
        try await storage.tenant(ControlPlane.tenantID) != nil
    }
}
