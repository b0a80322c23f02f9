import AuthHeroCore
import Foundation
import Testing

@Suite struct TenantContractTests {
    @Test(arguments: StorageKind.allCases) func tenantRoundTripsWithSettings(_ kind: StorageKind) async throws {
        try await kind.withStorage { storage in
            var tenant = Tenant(
                id: "coffee-shop", friendlyName: "Coffee Shop",
                settings: TenantSettings(keyRotationGraceSeconds: 60, inheritGlobalPermissionsInOrganizations: true),
                organizationID: "org_1234567890abcdef", createdAt: StorageKind.now)
            try await storage.createTenant(tenant)
            #expect(try await storage.tenant("coffee-shop") == tenant)

            tenant.provisioningState = .ready
            try await storage.updateTenant(tenant)
            #expect(try await storage.tenant("coffee-shop")?.provisioningState == .ready)
        }
    }

    @Test(arguments: StorageKind.allCases) func duplicateTenantIsAConflict(_ kind: StorageKind) async throws {
        try await kind.withStorage { storage in
            await #expect(throws: StorageError.self) {
                try await storage.createTenant(Tenant(id: "a", friendlyName: "again", createdAt: StorageKind.now))
            }
        }
    }

    @Test(arguments: StorageKind.allCases) func customDomainIsGloballyUniqueAndRoutesOnlyWhenVerified(
        _ kind: StorageKind
    ) async throws {
        try await kind.withStorage { storage in
            let domain = CustomDomain(
                domain: "auth.example.com", tenantID: "a", verificationToken: "t", createdAt: StorageKind.now)
            try await storage.addCustomDomain(domain, tenantID: "a")
            var taken = domain
            taken.tenantID = "b"
            await #expect(throws: StorageError.self) { try await storage.addCustomDomain(taken, tenantID: "b") }

            #expect(try await storage.verifiedCustomDomain(host: "auth.example.com") == nil)
            try await storage.markCustomDomainVerified("auth.example.com", tenantID: "a", at: StorageKind.now)
            #expect(try await storage.verifiedCustomDomain(host: "auth.example.com")?.tenantID == "a")
        }
    }

    @Test(arguments: StorageKind.allCases) func verifyingAnotherTenantsDomainFails(_ kind: StorageKind) async throws {
        try await kind.withStorage { storage in
            let domain = CustomDomain(
                domain: "auth.example.com", tenantID: "a", verificationToken: "t", createdAt: StorageKind.now)
            try await storage.addCustomDomain(domain, tenantID: "a")
            await #expect(throws: StorageError.notFound("custom domain auth.example.com")) {
                try await storage.markCustomDomainVerified("auth.example.com", tenantID: "b", at: StorageKind.now)
            }
        }
    }

    @Test(arguments: StorageKind.allCases) func transactionRollsBackEveryWriteWhenTheWorkThrows(_ kind: StorageKind)
        async throws
    {
        try await kind.withStorage { storage in
            struct Abort: Error {}
            let now = StorageKind.now
            await #expect(throws: Abort.self) {
                try await storage.transaction { tx in
                    try tx.createTenant(Tenant(id: "half-made", friendlyName: "Half", createdAt: now))
                    try tx.createOrganization(
                        Organization(
                            tenantID: ControlPlane.tenantID, id: "org_x", name: "half-made", displayName: "Half",
                            createdAt: now),
                        tenantID: ControlPlane.tenantID)
                    throw Abort()
                }
            }
            let halfMade = try await storage.tenant("half-made")
            #expect(halfMade == nil)
        }
    }

    @Test(arguments: StorageKind.allCases) func tenantCreatedInATransactionCanHoldRowsAtOnce(_ kind: StorageKind)
        async throws
    {
        try await kind.withStorage { storage in
            let now = StorageKind.now
            try await storage.transaction { tx in
                try tx.createTenant(
                    Tenant(id: "new-shop", friendlyName: "New", organizationID: "org_new", createdAt: now))
                try tx.createOrganization(
                    Organization(
                        tenantID: ControlPlane.tenantID, id: "org_new", name: "new-shop", displayName: "New",
                        metadata: ["tenant_id": "new-shop"], createdAt: now),
                    tenantID: ControlPlane.tenantID)
            }
            #expect(try await storage.tenant("new-shop")?.organizationID == "org_new")
            let client = Client(
                tenantID: "new-shop", id: "app", name: "App", appType: .spa, secretHash: nil, createdAt: now)
            try await storage.createClient(client, tenantID: "new-shop")
            #expect(try await storage.client("app", tenantID: "new-shop") == client)
            #expect(try await storage.client("app", tenantID: "a") == nil)
        }
    }

    @Test(arguments: StorageKind.allCases) func deletingATenantRemovesItsRowsAndNoOtherTenants(_ kind: StorageKind)
        async throws
    {
        try await kind.withStorage { storage in
            for id in ["a", "b"] {
                try await storage.createClient(
                    Client(
                        tenantID: id, id: "app", name: "App", appType: .spa, secretHash: nil, createdAt: StorageKind.now
                    ),
                    tenantID: id)
            }
            try await storage.deleteTenant("a")
            #expect(try await storage.tenant("a") == nil)
            #expect(try await storage.tenant("b") != nil)
            #expect(try await storage.client("app", tenantID: "b") != nil)
            try await storage.createTenant(Tenant(id: "a", friendlyName: "Again", createdAt: StorageKind.now))
            #expect(try await storage.client("app", tenantID: "a") == nil)
        }
    }
}
