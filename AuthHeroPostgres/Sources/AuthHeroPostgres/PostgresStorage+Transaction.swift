import AuthHeroCore
import Foundation
import NIOConcurrencyHelpers
import PostgresNIO

/// Every store the server needs, so a server runs on PostgreSQL as it does on SQLite.
extension PostgresStorage: AuthHeroStorage {
    /// Runs `work` and then applies the writes it made in one PostgreSQL transaction on the registry's schema: all
    /// commit together, or none do when `work` or any write throws. With the schema-per-tenant layout a write of a
    /// customer tenant's rows is refused (`StorageError.tenantMismatch`), as on SQLite with a file per tenant. `StorageTransaction` is synchronous and its writes return nothing, so they
    /// are recorded while `work` runs and sent once it has returned.
    public func transaction<T: Sendable>(_ work: @escaping @Sendable (any StorageTransaction) throws -> T)
        async throws -> T
    {
        let recorder = RecordedTransaction(storage: self)
        let result = try work(recorder)
        let writes = recorder.writes
        try await withRegistry { session in
            for write in writes { try await write(session) }
        }
        return result
    }
}

/// The writes of a `StorageTransaction`, kept in order until ``PostgresStorage/transaction(_:)`` applies them.
final class RecordedTransaction: StorageTransaction, Sendable {
    typealias Write = @Sendable (StorageSession) async throws -> Void
    private let recorded = NIOLockedValueBox<[Write]>([])
    private let storage: PostgresStorage

    init(storage: PostgresStorage) { self.storage = storage }

    var writes: [Write] { recorded.withLockedValue { $0 } }

    func createTenant(_ tenant: Tenant) throws {
        let storage = storage
        record { try await storage.insertTenant(tenant, in: $0) }
    }

    func updateTenant(_ tenant: Tenant) throws {
        let storage = storage
        record { try await storage.replaceTenant(tenant, in: $0) }
    }

    func createOrganization(_ organization: Organization, tenantID: String) throws {
        try requireTenant(organization.tenantID, is: tenantID)
        try requireHeld(tenantID)
        record(tenantID) { try await $0.insert(organization, into: "organizations") }
    }

    func addMember(_ membership: OrganizationMembership, tenantID: String) throws {
        try requireTenant(membership.tenantID, is: tenantID)
        try requireHeld(tenantID)
        record(tenantID) { try await $0.insert(membership, into: "organization_members", ignoringConflicts: true) }
    }

    func assignRole(_ assignment: UserRole, tenantID: String) throws {
        try requireTenant(assignment.tenantID, is: tenantID)
        try requireHeld(tenantID)
        record(tenantID) { try await $0.insert(assignment, into: "user_roles", ignoringConflicts: true) }
    }

    func append(_ event: AuditEvent, tenantID: String) throws {
        try requireTenant(event.tenantID, is: tenantID)
        try requireHeld(tenantID)
        record(tenantID) { try await $0.insert(event, into: "audit_log") }
    }

    /// Refuses a write of rows that live outside the registry's schema rather than misplace it.
    private func requireHeld(_ tenantID: String) throws {
        guard !storage.isSeparate(tenantID) else {
            throw StorageError.tenantMismatch(expected: ControlPlane.tenantID, found: tenantID)
        }
    }

    /// Records `write`, run as `tenantID` for the row-level-security policies when it writes a tenant's rows.
    private func record(_ tenantID: String? = nil, _ write: @escaping Write) {
        recorded.withLockedValue { writes in
            writes.append { session in
                if let tenantID { try await session.enter(tenantID) }
                try await write(session)
            }
        }
    }
}
