import GRDB

/// The schema as an append-only list of migrations: a released migration is never edited; changes append new ones.
public enum SchemaMigrations {
    /// The identifier of the last migration: the schema version this runtime writes (e.g. into tenant archives).
    public static var currentVersion: String { migrator.migrations.last ?? "" }

    /// The migrator holding every migration in order.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1_data_model", migrate: createDataModel)
        migrator.registerMigration("v2_control_plane_sync", migrate: addControlPlaneSync)
        migrator.registerMigration("v3_user_name", migrate: addUserName)
        migrator.registerMigration("v4_offline_access", migrate: addOfflineAccess)
        migrator.registerMigration("v5_clients_management", migrate: addClientManagementFields)
        migrator.registerMigration("v6_custom_domains", migrate: addCustomDomainIDs)
        migrator.registerMigration("v7_signing_key_certificates", migrate: addSigningKeyCertificates)
        migrator.registerMigration("v8_tenant_name_quarantine", migrate: addTenantNameQuarantine)
        migrator.registerMigration("v9_retention_indexes", migrate: addRetentionIndexes)
        migrator.registerMigration("v10_jobs", migrate: addJobs)
        migrator.registerMigration("v11_outbox_claims", migrate: addOutboxClaims)
        return migrator
    }

    /// The first data model: tenants, clients, keys, users, organizations, roles, grants and sessions.
    private static func createDataModel(_ db: Database) throws {
        try db.create(table: "tenants") { t in
            t.primaryKey("id", .text)
            t.column("friendly_name", .text).notNull()
            t.column("settings", .jsonText).notNull()
            t.column("provisioning_state", .text).notNull()
            t.column("organization_id", .text)
            t.column("created_at", .datetime).notNull()
            t.column("updated_at", .datetime).notNull()
        }
        try db.create(table: "custom_domains") { t in
            t.primaryKey("domain", .text)
            t.column("tenant_id", .text).notNull().indexed().references("tenants", onDelete: .cascade)
            t.column("status", .text).notNull()
            t.column("verification_token", .text).notNull()
            t.column("created_at", .datetime).notNull()
            t.column("verified_at", .datetime)
        }
        try db.create(table: "signing_keys") { t in
            t.column("tenant_id", .text).notNull().references("tenants", onDelete: .cascade)
            t.column("kid", .text).notNull()
            t.column("algorithm", .text).notNull()
            t.column("private_key_pem", .text).notNull()
            t.column("status", .text).notNull()
            t.column("created_at", .datetime).notNull()
            t.column("rotated_at", .datetime)
            t.column("published_until", .datetime)
            t.column("revoked_at", .datetime)
            t.primaryKey(["tenant_id", "kid"])
        }
        // At most one signing key per tenant and algorithm is current, even under concurrent rotations.
        try db.execute(
            sql: """
                CREATE UNIQUE INDEX signing_keys_one_current ON signing_keys(tenant_id, algorithm)
                WHERE status = 'current'
                """)
        try db.create(table: "clients") { t in
            t.column("tenant_id", .text).notNull().references("tenants", onDelete: .cascade)
            t.column("id", .text).notNull()
            t.column("name", .text).notNull()
            t.column("app_type", .text).notNull()
            t.column("secret_hash", .text)
            t.column("callbacks", .jsonText).notNull()
            t.column("allowed_logout_urls", .jsonText).notNull()
            t.column("web_origins", .jsonText).notNull()
            t.column("grant_types", .jsonText).notNull()
            t.column("created_at", .datetime).notNull()
            t.primaryKey(["tenant_id", "id"])
        }
        try db.create(table: "client_grants") { t in
            t.column("tenant_id", .text).notNull()
            t.column("id", .text).notNull()
            t.column("client_id", .text).notNull()
            t.column("audience", .text).notNull()
            t.column("scope", .jsonText).notNull()
            t.primaryKey(["tenant_id", "id"])
            t.uniqueKey(["tenant_id", "client_id", "audience"])
            t.foreignKey(["tenant_id", "client_id"], references: "clients", onDelete: .cascade)
        }
        try db.create(table: "connections") { t in
            t.column("tenant_id", .text).notNull().references("tenants", onDelete: .cascade)
            t.column("id", .text).notNull()
            t.column("name", .text).notNull()
            t.column("strategy", .text).notNull()
            t.column("options", .jsonText).notNull()
            t.primaryKey(["tenant_id", "id"])
            t.uniqueKey(["tenant_id", "name"])
        }
        try db.create(table: "users") { t in
            t.column("tenant_id", .text).notNull().references("tenants", onDelete: .cascade)
            t.column("id", .text).notNull()
            t.column("connection", .text).notNull()
            t.column("email", .text).collate(.nocase)
            t.column("email_verified", .boolean).notNull()
            t.column("username", .text)
            t.column("password_hash", .text)
            t.column("user_metadata", .jsonText).notNull()
            t.column("app_metadata", .jsonText).notNull()
            t.column("blocked", .boolean).notNull()
            t.column("created_at", .datetime).notNull()
            t.column("updated_at", .datetime).notNull()
            t.primaryKey(["tenant_id", "id"])
            t.uniqueKey(["tenant_id", "connection", "email"])
        }
        try db.create(table: "organizations") { t in
            t.column("tenant_id", .text).notNull().references("tenants", onDelete: .cascade)
            t.column("id", .text).notNull()
            t.column("name", .text).notNull()
            t.column("display_name", .text).notNull()
            t.column("metadata", .jsonText).notNull()
            t.column("created_at", .datetime).notNull()
            t.primaryKey(["tenant_id", "id"])
            t.uniqueKey(["tenant_id", "name"])
        }
        try db.create(table: "organization_members") { t in
            t.column("tenant_id", .text).notNull()
            t.column("organization_id", .text).notNull()
            t.column("user_id", .text).notNull()
            t.column("created_at", .datetime).notNull()
            t.primaryKey(["tenant_id", "organization_id", "user_id"])
            t.foreignKey(["tenant_id", "organization_id"], references: "organizations", onDelete: .cascade)
            t.foreignKey(["tenant_id", "user_id"], references: "users", onDelete: .cascade)
        }
        try db.create(table: "roles") { t in
            t.column("tenant_id", .text).notNull().references("tenants", onDelete: .cascade)
            t.column("id", .text).notNull()
            t.column("name", .text).notNull()
            t.column("description", .text).notNull()
            t.primaryKey(["tenant_id", "id"])
            t.uniqueKey(["tenant_id", "name"])
        }
        try db.create(table: "role_permissions") { t in
            t.column("tenant_id", .text).notNull()
            t.column("role_id", .text).notNull()
            t.column("resource_server_identifier", .text).notNull()
            t.column("permission_name", .text).notNull()
            t.primaryKey(["tenant_id", "role_id", "resource_server_identifier", "permission_name"])
            t.foreignKey(["tenant_id", "role_id"], references: "roles", onDelete: .cascade)
        }
        try db.create(table: "user_roles") { t in
            t.column("tenant_id", .text).notNull()
            t.column("user_id", .text).notNull()
            t.column("role_id", .text).notNull()
            t.column("organization_id", .text)
            t.foreignKey(["tenant_id", "role_id"], references: "roles", onDelete: .cascade)
            t.foreignKey(["tenant_id", "user_id"], references: "users", onDelete: .cascade)
        }
        // NULL organization = a global role; COALESCE makes "global" one value for uniqueness.
        try db.execute(
            sql: """
                CREATE UNIQUE INDEX user_roles_unique
                ON user_roles(tenant_id, user_id, role_id, COALESCE(organization_id, ''))
                """)
        try db.create(table: "resource_servers") { t in
            t.column("tenant_id", .text).notNull().references("tenants", onDelete: .cascade)
            t.column("id", .text).notNull()
            t.column("identifier", .text).notNull()
            t.column("name", .text).notNull()
            t.column("scopes", .jsonText).notNull()
            t.column("enforce_policies", .boolean).notNull()
            t.column("token_lifetime", .integer).notNull()
            t.column("signing_algorithm", .text).notNull()
            t.column("metadata", .jsonText).notNull()
            t.column("is_system", .boolean).notNull()
            t.primaryKey(["tenant_id", "id"])
            t.uniqueKey(["tenant_id", "identifier"])
        }
        try db.create(table: "authorization_codes") { t in
            t.column("tenant_id", .text).notNull().references("tenants", onDelete: .cascade)
            t.column("code_hash", .text).notNull()
            t.column("client_id", .text).notNull()
            t.column("user_id", .text).notNull()
            t.column("redirect_uri", .text).notNull()
            t.column("scope", .text).notNull()
            t.column("audience", .text)
            t.column("organization_id", .text)
            t.column("code_challenge", .text)
            t.column("code_challenge_method", .text)
            t.column("nonce", .text)
            t.column("session_id", .text)
            t.column("created_at", .datetime).notNull()
            t.column("expires_at", .datetime).notNull()
            t.column("consumed_at", .datetime)
            t.primaryKey(["tenant_id", "code_hash"])
        }
        try db.create(table: "refresh_tokens") { t in
            t.column("tenant_id", .text).notNull().references("tenants", onDelete: .cascade)
            t.column("id", .text).notNull()
            t.column("token_hash", .text).notNull()
            t.column("family_id", .text).notNull()
            t.column("client_id", .text).notNull()
            t.column("user_id", .text).notNull()
            t.column("audience", .text)
            t.column("scope", .text).notNull()
            t.column("organization_id", .text)
            t.column("session_id", .text)
            t.column("created_at", .datetime).notNull()
            t.column("expires_at", .datetime).notNull()
            t.column("rotated_at", .datetime)
            t.column("revoked_at", .datetime)
            t.primaryKey(["tenant_id", "id"])
            t.uniqueKey(["tenant_id", "token_hash"])
        }
        try db.create(index: "refresh_tokens_family", on: "refresh_tokens", columns: ["tenant_id", "family_id"])
        try db.create(table: "sessions") { t in
            t.column("tenant_id", .text).notNull().references("tenants", onDelete: .cascade)
            t.column("id", .text).notNull()
            t.column("user_id", .text).notNull()
            t.column("created_at", .datetime).notNull()
            t.column("last_seen_at", .datetime).notNull()
            t.column("expires_at", .datetime).notNull()
            t.column("revoked_at", .datetime)
            t.primaryKey(["tenant_id", "id"])
        }
        try db.create(table: "audit_log") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("tenant_id", .text).notNull().indexed()
            t.column("occurred_at", .datetime).notNull()
            t.column("actor", .text).notNull()
            t.column("action", .text).notNull()
            t.column("target", .text).notNull()
            t.column("details", .jsonText).notNull()
        }
    }

    /// Control-plane sync: which resource servers and roles are read-only copies of the control plane's, and the outbox
    /// that fans control-plane changes out to customer tenants outside the request.
    private static func addControlPlaneSync(_ db: Database) throws {
        try db.alter(table: "resource_servers") { t in t.add(column: "synced_from", .text) }
        try db.alter(table: "roles") { t in t.add(column: "synced_from", .text) }
        try db.create(table: "outbox") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("change", .jsonText).notNull()
            t.column("created_at", .datetime).notNull()
            t.column("attempts", .integer).notNull().defaults(to: 0)
            t.column("last_error", .text)
            t.column("processed_at", .datetime)
        }
    }

    /// The user's full name (Auth0's root `name`, set by `POST`/`PATCH /api/v2/users`).
    private static func addUserName(_ db: Database) throws {
        try db.alter(table: "users") { t in t.add(column: "name", .text) }
    }

    /// Auth0's `allow_offline_access`: off for every API, as Auth0 defaults, except the built-in management API,
    /// whose portal sessions rely on refresh tokens.
    private static func addOfflineAccess(_ db: Database) throws {
        try db.alter(table: "resource_servers") { t in
            t.add(column: "allow_offline_access", .boolean).notNull().defaults(to: false)
        }
        try db.execute(sql: "UPDATE resource_servers SET allow_offline_access = 1 WHERE is_system = 1")
    }

    /// Client management: Auth0's `description`, `allowed_origins` and `token_endpoint_auth_method`.
    /// Existing clients keep how they authenticate today: with a secret by post (basic is accepted too), without
    /// one as public clients.
    private static func addClientManagementFields(_ db: Database) throws {
        try db.alter(table: "clients") { t in
            t.add(column: "description", .text).notNull().defaults(to: "")
            t.add(column: "allowed_origins", .jsonText).notNull().defaults(to: "[]")
            t.add(column: "token_endpoint_auth_method", .text).notNull().defaults(to: "client_secret_post")
        }
        try db.execute(sql: "UPDATE clients SET token_endpoint_auth_method = 'none' WHERE secret_hash IS NULL")
    }

    /// Custom domains API: each domain gets its Management API id (`cd_` + 16 alphanumerics); rows made
    /// before get one here.
    private static func addCustomDomainIDs(_ db: Database) throws {
        try db.alter(table: "custom_domains") { t in t.add(column: "id", .text) }
        try db.execute(sql: "UPDATE custom_domains SET id = 'cd_' || lower(hex(randomblob(8))) WHERE id IS NULL")
        try db.create(index: "custom_domains_id", on: "custom_domains", columns: ["id"], options: .unique)
    }

    /// Each signing key's self-signed X.509 certificate (Auth0's `cert`, the JWKS `x5c`). Keys stored before get
    /// theirs on first use, from `SigningKeyService`, so migrating needs no key material.
    private static func addSigningKeyCertificates(_ db: Database) throws {
        try db.alter(table: "signing_keys") { t in t.add(column: "certificate_pem", .text) }
    }

    /// Names of deleted tenants, held back from new tenants for a while. No `tenant_id` column on purpose: deleting
    /// a tenant removes every row that has one, and this record must outlive its tenant.
    private static func addTenantNameQuarantine(_ db: Database) throws {
        try db.create(table: "tenant_name_quarantine") { t in
            t.primaryKey("name", .text)
            t.column("held_until", .datetime).notNull()
        }
    }

    /// Retention deletes audit entries by age within a tenant, and outbox entries by processing date.
    private static func addRetentionIndexes(_ db: Database) throws {
        try db.create(index: "audit_log_tenant_occurred", on: "audit_log", columns: ["tenant_id", "occurred_at"])
        try db.create(index: "outbox_processed", on: "outbox", columns: ["processed_at"])
    }

    /// Management API jobs (users imports and exports), keyed by tenant like every tenant row; unfinished ones are
    /// found by status at start-up.
    private static func addJobs(_ db: Database) throws {
        try db.create(table: "jobs") { t in
            t.column("tenant_id", .text).notNull()
            t.column("id", .text).notNull()
            t.column("type", .text).notNull()
            t.column("status", .text).notNull()
            t.column("connection_id", .text).notNull()
            t.column("connection", .text).notNull()
            t.column("external_id", .text)
            t.column("options", .jsonText).notNull()
            t.column("summary", .jsonText)
            t.column("errors", .jsonText).notNull()
            t.column("failure_reason", .text)
            t.column("input", .text)
            t.column("output", .blob)
            t.column("created_at", .datetime).notNull()
            t.column("updated_at", .datetime).notNull()
            t.primaryKey(["tenant_id", "id"])
        }
        try db.create(index: "jobs_tenant_status", on: "jobs", columns: ["tenant_id", "status", "created_at"])
    }

    /// Outbox entries are claimed by one processor at a time (``OutboxStore``).
    private static func addOutboxClaims(_ db: Database) throws {
        try db.alter(table: "outbox") { t in t.add(column: "claimed_until", .datetime) }
    }
}
