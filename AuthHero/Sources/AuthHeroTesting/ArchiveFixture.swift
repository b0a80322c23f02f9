import AuthHeroCore
import Foundation

/// Fills tenant `a` of a store (tenants `a` and `b` created) with at least one row in every tenant table (users, roles and their
/// permissions and holders, organizations and members, clients and grants, keys, connections, resource servers,
/// custom domains, codes, refresh tokens, sessions, audit entries, jobs) and gives tenant `b` a user and a key, so an
/// export of `a` can be checked for completeness and for holding nothing of `b`.
public enum ArchiveFixture {
    /// Writes the rows, dated `now`.
    public static func populate(_ storage: any AuthHeroStorage, now: Date) async throws {
        let clock = ManualClock(now)
        let keys = SigningKeyService(storage: storage, clock: clock)
        try await keys.ensureCurrentKey(tenantID: "a")
        try await keys.rotate(tenantID: "a", actor: "test")
        try await keys.ensureCurrentKey(tenantID: "b")
        try await storage.createConnection(
            Connection(tenantID: "a", id: "con_db", name: TenantProvisioner.databaseConnection), tenantID: "a")
        try await storage.createResourceServer(
            ResourceServer(
                tenantID: "a", id: "rs_api", identifier: "https://api.example.com", name: "API",
                scopes: [ResourceServerScope(value: "read:data")], enforcePolicies: true, metadata: ["k": "v"]),
            tenantID: "a")
        for (tenantID, userID) in [("a", "auth0|ada"), ("a", "auth0|bea"), ("b", "auth0|bob")] {
            try await storage.createUser(
                User(
                    tenantID: tenantID, id: userID, connection: TenantProvisioner.databaseConnection,
                    email: "\(userID.dropFirst(6))@example.com", emailVerified: true, name: "Name \(userID)",
                    passwordHash: "$2b$04$hashhashhashhashhashhu", userMetadata: ["plan": "pro"], createdAt: now),
                tenantID: tenantID)
        }
        try await storage.createRole(Role(tenantID: "a", id: "rol_reader", name: "reader"), tenantID: "a")
        try await storage.addPermissions(
            [
                RolePermission(
                    tenantID: "a", roleID: "rol_reader", resourceServerIdentifier: "https://api.example.com",
                    permissionName: "read:data")
            ],
            tenantID: "a")
        try await storage.createOrganization(
            Organization(tenantID: "a", id: "org_acme", name: "acme", displayName: "Acme", createdAt: now),
            tenantID: "a")
        try await storage.addMember(
            OrganizationMembership(tenantID: "a", organizationID: "org_acme", userID: "auth0|ada", createdAt: now),
            tenantID: "a")
        try await storage.assignRole(UserRole(tenantID: "a", userID: "auth0|ada", roleID: "rol_reader"), tenantID: "a")
        try await storage.assignRole(
            UserRole(tenantID: "a", userID: "auth0|bea", roleID: "rol_reader", organizationID: "org_acme"),
            tenantID: "a")
        let registrar = ClientRegistrar(clients: storage, clock: clock)
        _ = try await registrar.register(tenantID: "a", name: "Machine", appType: .machineToMachine, clientID: "m2m")
        _ = try await registrar.grant(
            clientID: "m2m", audience: "https://api.example.com", scope: ["read:data"], tenantID: "a")
        try await storage.addCustomDomain(
            CustomDomain(domain: "login.acme.test", tenantID: "a", verificationToken: "tok", createdAt: now),
            tenantID: "a")
        try await storage.insertSession(
            Session(tenantID: "a", id: "ses_1", userID: "auth0|ada", createdAt: now, expiresAt: now + 3600),
            tenantID: "a")
        try await storage.insertAuthorizationCode(
            AuthorizationCode(
                tenantID: "a", codeHash: "code-hash", clientID: "m2m", userID: "auth0|ada",
                redirectURI: "https://app.example.com/cb", scope: "openid", sessionID: "ses_1", createdAt: now,
                expiresAt: now + 60),
            tenantID: "a")
        try await storage.insertRefreshToken(
            RefreshToken(
                tenantID: "a", id: "rt_1", tokenHash: "rt-hash", familyID: "fam_1", clientID: "m2m",
                userID: "auth0|ada", scope: "openid offline_access", createdAt: now, expiresAt: now + 86_400),
            tenantID: "a")
        try await storage.createJob(
            Job(
                tenantID: "a", id: "job_export", type: .usersExport, status: .completed, connectionID: "con_db",
                connection: TenantProvisioner.databaseConnection, options: JobOptions(format: .csv),
                output: Data([0x1f, 0x8b, 0x08]), createdAt: now),
            tenantID: "a")
    }
}
