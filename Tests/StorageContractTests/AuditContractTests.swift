import AuthHeroCore
import Foundation
import Testing

/// Reading the audit log: filters, windows with totals, checkpoints after an id, and single entries, each within
/// its tenant only.
@Suite struct AuditContractTests {
    /// Appends `a1`..`a4` to tenant `a` (actors alternate) and `b1` to tenant `b`, interleaved.
    private static func seed(_ storage: any ContractStorage) async throws {
        for (index, (tenant, target)) in [("a", "a1"), ("b", "b1"), ("a", "a2"), ("a", "a3"), ("a", "a4")].enumerated()
        {
            try await storage.append(
                AuditEvent(
                    tenantID: tenant, occurredAt: StorageKind.now + TimeInterval(index),
                    actor: index.isMultiple(of: 2) ? "auth0|even" : "auth0|odd",
                    action: target == "a4" ? "key.rotated" : "user.updated", target: target, details: ["n": "\(index)"]),
                tenantID: tenant)
        }
    }

    @Test(arguments: StorageKind.allCases) func windowsAreNewestFirstWithTheTotalOfTheFilter(_ kind: StorageKind)
        async throws
    {
        try await kind.withStorage { storage in
            try await Self.seed(storage)
            let all = try await storage.auditEntries(
                AuditFilter(), window: ListWindow(offset: 0, limit: 2), tenantID: "a")
            #expect(all.items.map(\.event.target) == ["a4", "a3"])
            #expect(all.total == 4)
            let even = try await storage.auditEntries(
                AuditFilter(actor: "auth0|even"), window: ListWindow(offset: 0, limit: 10), tenantID: "a")
            #expect(even.items.map(\.event.target) == ["a4", "a2", "a1"])
            #expect(even.items.first?.event.details == ["n": "4"])
            let rotated = try await storage.auditEntries(
                AuditFilter(action: "key.rotated"), window: ListWindow(offset: 0, limit: 10), tenantID: "a")
            #expect(rotated.items.map(\.event.target) == ["a4"])
            #expect(rotated.total == 1)
        }
    }

    @Test(arguments: StorageKind.allCases) func checkpointsReadOldestFirstAfterTheGivenId(_ kind: StorageKind)
        async throws
    {
        try await kind.withStorage { storage in
            try await Self.seed(storage)
            let head = try await storage.auditEntries(AuditFilter(), after: nil, take: 2, tenantID: "a")
            #expect(head.map(\.event.target) == ["a1", "a2"])
            let rest = try await storage.auditEntries(AuditFilter(), after: head.last?.id, take: 10, tenantID: "a")
            #expect(rest.map(\.event.target) == ["a3", "a4"])
            #expect(
                try await storage.auditEntries(AuditFilter(), after: rest.last?.id, take: 10, tenantID: "a")
                    .isEmpty)
        }
    }

    @Test(arguments: StorageKind.allCases) func anEntryIsFoundOnlyInItsOwnTenant(_ kind: StorageKind) async throws {
        try await kind.withStorage { storage in
            try await Self.seed(storage)
            let b = try #require(
                try await storage.auditEntries(AuditFilter(), after: nil, take: 1, tenantID: "b").first)
            #expect(try await storage.auditEntry(id: b.id, tenantID: "b")?.event.target == "b1")
            // With a database or schema per tenant each tenant numbers its own log, so the same id may name one of
            // a's events; it never names b's.
            #expect(try await storage.auditEntry(id: b.id, tenantID: "a")?.event.tenantID != "b")
        }
    }
}
