import AuthHeroCore
import GRDB

extension SQLiteStorage {
    public func deleteTenant(_ tenantID: String) async throws {
        try await writeRegistry { db in
            // Rows are removed table by table; foreign keys are checked at commit, when nothing is left dangling.
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            let organizationID = try String.fetchOne(
                db, sql: "SELECT organization_id FROM tenants WHERE id = ?", arguments: [tenantID])
            if let organizationID {
                let controlPlane = ControlPlane.tenantID
                for table in ["user_roles", "organization_members"] {
                    try db.execute(
                        sql: "DELETE FROM \(table) WHERE tenant_id = ? AND organization_id = ?",
                        arguments: [controlPlane, organizationID])
                }
                try db.execute(
                    sql: "DELETE FROM organizations WHERE tenant_id = ? AND id = ?",
                    arguments: [controlPlane, organizationID])
            }
            // Every table with a tenant_id column, read from the schema so tables added by later migrations are
            // covered too.
            let tables = try String.fetchAll(
                db,
                sql: """
                    SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c
                    WHERE m.type = 'table' AND c.name = 'tenant_id'
                    """)
            for table in tables {
                try db.execute(sql: "DELETE FROM \"\(table)\" WHERE tenant_id = ?", arguments: [tenantID])
            }
            try db.execute(sql: "DELETE FROM tenants WHERE id = ?", arguments: [tenantID])
        }
        // After the registry commit, so no new request can open the file again. A crash before this line leaves an
        // orphan file that `repairTenantDatabases()` removes.
        try await databases.remove(tenantID)
    }
}
