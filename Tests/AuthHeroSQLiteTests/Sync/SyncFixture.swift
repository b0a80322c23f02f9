import AuthHeroCore
import AuthHeroSQLite
import AuthHeroTesting
import Foundation
import GRDB

/// A migrated SQLite file (in the given layout) with the control plane (its built-in management API and one user, `auth0|owner`) and the
/// ready customer tenants `a` and `b`, wired to a real ``ControlPlaneSync`` and ``TenantProvisioner``.
struct SyncFixture {
    static let cp = ControlPlane.tenantID
    static let owner = "auth0|owner"
    let storage: SQLiteStorage
    let path: String
    let clock = ManualClock()
    let multiTenancy: MultiTenancyPlugin
    let keys: SigningKeyService
    let sync: ControlPlaneSync
    let provisioner: TenantProvisioner

    init(
        multiTenancy: MultiTenancyPlugin = MultiTenancyPlugin(), path existing: String? = nil,
        layout: StorageLayout = .shared
    ) async throws {
        if let existing {
            path = existing
        } else {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("authhero-sync-\(UUID())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            path = directory.appendingPathComponent("authhero.sqlite").path
        }
        storage = try SQLiteStorage.open(strategy: StorageStrategy(layout: layout, databasePath: path))
        try storage.migrate()
        self.multiTenancy = multiTenancy
        keys = SigningKeyService(storage: storage, clock: clock)
        sync = ControlPlaneSync(storage: storage, multiTenancy: multiTenancy, clock: clock, maxAttempts: 3)
        provisioner = TenantProvisioner(
            storage: storage, keys: keys, clock: clock, multiTenancy: multiTenancy, sync: sync)
        guard existing == nil else { return }
        for id in [Self.cp, "a", "b"] {
            try await storage.createTenant(
                Tenant(id: id, friendlyName: id, provisioningState: .ready, createdAt: clock.now()))
            try await storage.createResourceServer(BuiltInManagementAPI.resourceServer(tenantID: id), tenantID: id)
        }
        try await storage.createUser(
            User(
                tenantID: Self.cp, id: Self.owner, connection: TenantProvisioner.databaseConnection,
                email: "owner@example.com", passwordHash: nil, createdAt: clock.now()),
            tenantID: Self.cp)
    }

    /// Creates a control-plane resource server and records the change, as the Management API does.
    @discardableResult
    func createAPI(
        _ identifier: String, name: String = "API", scopes: [String] = ["read:data", "write:data"],
        metadata: [String: String] = [:], record: Bool = true
    ) async throws -> ResourceServer {
        let server = ResourceServer(
            tenantID: Self.cp, id: RandomToken.identifier(prefix: "rs_"), identifier: identifier, name: name,
            scopes: scopes.map { ResourceServerScope(value: $0) }, enforcePolicies: true, metadata: metadata)
        try await storage.createResourceServer(server, tenantID: Self.cp)
        if record { try await sync.record(.resourceServerSaved(identifier: identifier)) }
        return server
    }

    /// Creates a control-plane role granting `permissions` (audience, permission) and records the change.
    @discardableResult
    func createRole(_ name: String, permissions: [(String, String)] = [], record: Bool = true) async throws -> Role {
        let role = Role(tenantID: Self.cp, id: RandomToken.identifier(prefix: "rol_"), name: name)
        try await storage.createRole(role, tenantID: Self.cp)
        try await grant(role, permissions, record: record)
        return role
    }

    /// Adds permissions to a control-plane role and records the change.
    func grant(_ role: Role, _ permissions: [(String, String)], record: Bool = true) async throws {
        try await storage.addPermissions(
            permissions.map {
                RolePermission(tenantID: Self.cp, roleID: role.id, resourceServerIdentifier: $0.0, permissionName: $0.1)
            },
            tenantID: Self.cp)
        if record { try await sync.record(.roleSaved(id: role.id)) }
    }

    /// Runs SQL directly, for control-plane writes the stores do not offer (deletes) and for corrupting state.
    func execute(_ sql: String, _ arguments: StatementArguments = []) async throws {
        try await storage.registry.write { try $0.execute(sql: sql, arguments: arguments) }
    }

    /// The identifiers of `tenantID`'s synced resource servers.
    func syncedAPIs(_ tenantID: String) async throws -> [String] {
        try await storage.syncedCopies(tenantID: tenantID).resourceServers.map(\.identifier)
    }

    /// `tenantID`'s synced roles by name, each with its sorted "audience permission" strings.
    func syncedRoles(_ tenantID: String) async throws -> [String: [String]] {
        var roles: [String: [String]] = [:]
        for grants in try await storage.syncedCopies(tenantID: tenantID).roles {
            roles[grants.role.name] = grants.permissions.map { "\($0.resourceServerIdentifier) \($0.permissionName)" }
                .sorted()
        }
        return roles
    }
}
