import AuthHeroCore
import Foundation
import Testing

/// What retention, tenant-name quarantine and organization search ask of a store, on every kind.
@Suite struct RetentionContractTests {
    @Test(arguments: StorageKind.allCases) func pruningDeletesOnlyWhatIsOldEnough(_ kind: StorageKind) async throws {
        try await kind.withStorage { storage in
            let now = StorageKind.now
            let done = try #require(try await storage.enqueueOutbox(.roleSaved(id: "rol_done"), at: now).id)
            let pending = try #require(try await storage.enqueueOutbox(.roleSaved(id: "rol_pending"), at: now).id)
            let exhausted = try #require(try await storage.enqueueOutbox(.roleSaved(id: "rol_x"), at: now).id)
            try await storage.markOutboxDone([done], at: now + 10)
            for _ in 0..<3 { try await storage.markOutboxFailed(exhausted, error: "b: refused") }
            // The exhausted entry was recorded before the cutoff; the done one was processed after it.
            #expect(try await storage.pruneOutbox(before: now + 5, maxAttempts: 3) == 1)
            #expect(try await storage.outboxEntries().map(\.id) == [done, pending])
            #expect(try await storage.pruneOutbox(before: now + 20, maxAttempts: 3) == 1)
            #expect(try await storage.outboxEntries().map(\.id) == [pending])

            for (tenantID, age) in [("a", 100.0), ("a", 1.0), ("b", 100.0)] {
                try await storage.append(
                    AuditEvent(tenantID: tenantID, occurredAt: now - age, actor: "x", action: "old", target: "t"),
                    tenantID: tenantID)
            }
            #expect(try await storage.pruneAuditEntries(before: now - 50, tenantID: "a") == 1)
            #expect(try await storage.events(tenantID: "a", limit: 10).count == 1)
            #expect(try await storage.events(tenantID: "b", limit: 10).count == 1, "another tenant's entries stay")
        }
    }

    @Test(arguments: StorageKind.allCases) func aQuarantinedNameIsHeldUntilItsDateAndOutlivesItsTenant(
        _ kind: StorageKind
    ) async throws {
        try await kind.withStorage { storage in
            let now = StorageKind.now
            try await storage.quarantineTenantName("b", until: now + 100)
            try await storage.quarantineTenantName("b", until: now + 50)
            try await storage.deleteTenant("b")
            let held = try #require(try await storage.tenantNameQuarantine("b", at: now))
            #expect(abs(held.timeIntervalSince(now + 100)) < 1, "a shorter hold never shortens a longer one")
            #expect(try await storage.tenantNameQuarantine("b", at: now + 101) == nil)
            #expect(try await storage.tenantNameQuarantine("a", at: now) == nil)
        }
    }

    @Test(arguments: StorageKind.allCases) func organizationSearchMatchesNamesAndTreatsLikeCharactersAsText(
        _ kind: StorageKind
    ) async throws {
        try await kind.withStorage { storage in
            let cp = ControlPlane.tenantID
            for (id, name, display) in [
                ("org_1", "coffee-shop", "Coffee Shop"), ("org_2", "tea_house", "Tea House"),
                ("org_3", "bakery", "100% Bread"),
            ] {
                try await storage.createOrganization(
                    Organization(tenantID: cp, id: id, name: name, displayName: display, createdAt: StorageKind.now),
                    tenantID: cp)
            }
            try await storage.createUser(
                User(
                    tenantID: cp, id: "auth0|m", connection: "Username-Password-Authentication",
                    email: "m@example.com", passwordHash: nil, createdAt: StorageKind.now),
                tenantID: cp)
            try await storage.addMember(
                OrganizationMembership(
                    tenantID: cp, organizationID: "org_2", userID: "auth0|m", createdAt: StorageKind.now),
                tenantID: cp)
            let search = { (text: String, member: String?) in
                try await storage.organizations(containing: text, memberID: member, tenantID: cp).map(\.id)
            }
            #expect(try await search("COFFEE", nil) == ["org_1"])
            #expect(try await search("_", nil) == ["org_2"])
            #expect(try await search("%", nil) == ["org_3"])
            #expect(try await search("house", "auth0|m") == ["org_2"])
            #expect(try await search("coffee", "auth0|m") == [])
        }
    }
}
