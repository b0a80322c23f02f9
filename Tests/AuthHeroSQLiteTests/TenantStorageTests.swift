import AuthHeroCore
import AuthHeroSQLite
import Foundation
import Testing

/// What `StorageContractTests` cannot check yet on every storage: organization and audit reads.
@Suite struct TenantStorageTests {
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
