import AuthHeroCore
import AuthHeroSQLite
import Foundation
import Testing

@Suite struct TenantStorageTests {
    @Test func tenantRoundTripsWithSettings() async throws {
        let database = try await TemporaryStorage()
        var tenant = Tenant(
            id: "coffee-shop", friendlyName: "Coffee Shop",
            settings: TenantSettings(keyRotationGraceSeconds: 60, inheritGlobalPermissionsInOrganizations: true),
            organizationID: "org_1234567890abcdef", createdAt: database.now)
        try await database.storage.createTenant(tenant)
        #expect(try await database.storage.tenant("coffee-shop") == tenant)

        tenant.provisioningState = .ready
        try await database.storage.updateTenant(tenant)
        #expect(try await database.storage.tenant("coffee-shop")?.provisioningState == .ready)
    }

    @Test func duplicateTenantIsAConflict() async throws {
        let database = try await TemporaryStorage()
        await #expect(throws: StorageError.self) {
            try await database.storage.createTenant(Tenant(id: "a", friendlyName: "again", createdAt: database.now))
        }
    }

    @Test func customDomainIsGloballyUniqueAndRoutesOnlyWhenVerified() async throws {
        let database = try await TemporaryStorage()
        let domain = CustomDomain(
            domain: "auth.example.com", tenantID: "a", verificationToken: "t", createdAt: database.now)
        try await database.storage.addCustomDomain(domain, tenantID: "a")
        var taken = domain
        taken.tenantID = "b"
        await #expect(throws: StorageError.self) { try await database.storage.addCustomDomain(taken, tenantID: "b") }

        #expect(try await database.storage.verifiedCustomDomain(host: "auth.example.com") == nil)
        try await database.storage.markCustomDomainVerified("auth.example.com", tenantID: "a", at: database.now)
        #expect(try await database.storage.verifiedCustomDomain(host: "auth.example.com")?.tenantID == "a")
    }

    @Test func verifyingAnotherTenantsDomainFails() async throws {
        let database = try await TemporaryStorage()
        let domain = CustomDomain(
            domain: "auth.example.com", tenantID: "a", verificationToken: "t", createdAt: database.now)
        try await database.storage.addCustomDomain(domain, tenantID: "a")
        await #expect(throws: StorageError.notFound("custom domain auth.example.com")) {
            try await database.storage.markCustomDomainVerified("auth.example.com", tenantID: "b", at: database.now)
        }
    }

    @Test func transactionRollsBackEveryWriteWhenTheWorkThrows() async throws {
        let database = try await TemporaryStorage()
        struct Abort: Error {}
        let now = database.now
        await #expect(throws: Abort.self) {
            try await database.storage.transaction { tx in
                try tx.createTenant(Tenant(id: "half-made", friendlyName: "Half", createdAt: now))
                try tx.createOrganization(
                    Organization(tenantID: "a", id: "org_x", name: "half-made", displayName: "Half", createdAt: now),
                    tenantID: "a")
                throw Abort()
            }
        }
        #expect(try await database.storage.tenant("half-made") == nil)
    }

    @Test func transactionCommitsTenantOrganizationAndMembershipTogether() async throws {
        let database = try await TemporaryStorage()
        let now = database.now
        try await database.storage.createUser(
            User(
                tenantID: "a", id: "auth0|owner", connection: "db", email: "o@example.com", passwordHash: nil,
                createdAt: now),
            tenantID: "a")
        try await database.storage.transaction { tx in
            try tx.createTenant(Tenant(id: "new-shop", friendlyName: "New", organizationID: "org_new", createdAt: now))
            try tx.createOrganization(
                Organization(
                    tenantID: "a", id: "org_new", name: "new-shop", displayName: "New",
                    metadata: ["tenant_id": "new-shop"], createdAt: now),
                tenantID: "a")
            try tx.addMember(
                OrganizationMembership(tenantID: "a", organizationID: "org_new", userID: "auth0|owner", createdAt: now),
                tenantID: "a")
            try tx.append(
                AuditEvent(
                    tenantID: "a", occurredAt: now, actor: "auth0|owner", action: "tenant.created", target: "new-shop"),
                tenantID: "a")
        }
        #expect(try await database.storage.tenant("new-shop")?.organizationID == "org_new")
        #expect(try await database.storage.isMember(userID: "auth0|owner", organizationID: "org_new", tenantID: "a"))
        #expect(try await database.storage.events(tenantID: "a", limit: 10).map(\.action) == ["tenant.created"])
    }
}
