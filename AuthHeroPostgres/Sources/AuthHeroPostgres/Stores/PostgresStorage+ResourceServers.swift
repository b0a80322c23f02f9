import AuthHeroCore
import PostgresNIO

extension PostgresStorage: ResourceServerStore {
    public func createResourceServer(_ resourceServer: ResourceServer, tenantID: String) async throws {
        try await insert(resourceServer, into: "resource_servers", tenantID: tenantID)
    }

    public func resourceServer(identifier: String, tenantID: String) async throws -> ResourceServer? {
        try await withTenant(tenantID) {
            try await $0.record(
                ResourceServer.self,
                """
                SELECT to_jsonb(r)::text FROM resource_servers r
                WHERE tenant_id = \(tenantID) AND identifier = \(identifier)
                """)
        }
    }

    public func resourceServers(tenantID: String) async throws -> [ResourceServer] {
        try await withTenant(tenantID) {
            try await $0.records(
                ResourceServer.self,
                "SELECT to_jsonb(r)::text FROM resource_servers r WHERE tenant_id = \(tenantID) ORDER BY identifier")
        }
    }

    public func resourceServer(id: String, tenantID: String) async throws -> ResourceServer? {
        try await find(ResourceServer.self, in: "resource_servers", where: "id", is: id, tenantID: tenantID)
    }

    public func resourceServers(window: ListWindow, tenantID: String) async throws -> ListSlice<ResourceServer> {
        try await withTenant(tenantID) {
            try await $0.slice(
                ResourceServer.self, row: "to_jsonb(r)::text", "FROM resource_servers r WHERE tenant_id = \(tenantID)",
                orderBy: "identifier", window: window)
        }
    }

    public func updateResourceServer(_ resourceServer: ResourceServer, tenantID: String) async throws {
        try await replace(
            resourceServer, in: "resource_servers", key: ["tenant_id", "id"], tenantID: tenantID,
            what: "resource server \(resourceServer.id)")
    }

    public func deleteResourceServer(id: String, tenantID: String) async throws -> Bool {
        try await withTenant(tenantID) { session in
            guard
                let identifier = try await session.text(
                    "DELETE FROM resource_servers WHERE tenant_id = \(tenantID) AND id = \(id) RETURNING identifier")
            else { return false }
            // Permissions and grants name the API by identifier, so nothing cascades to them.
            try await session.run(
                """
                DELETE FROM role_permissions WHERE tenant_id = \(tenantID) AND resource_server_identifier = \(identifier)
                """)
            try await session.run(
                "DELETE FROM client_grants WHERE tenant_id = \(tenantID) AND audience = \(identifier)")
            return true
        }
    }
}
