import GRDB

/// The shared layout: one database holds the registry and every tenant's rows, told apart by `tenant_id`.
struct SharedDatabase: TenantDatabases {
    let registry: any DatabaseWriter

    func isSeparate(_ tenantID: String) -> Bool { false }

    func withDatabase<T>(
        _ tenantID: String, writing: Bool, _ body: (any DatabaseWriter) async throws -> T
    ) async throws -> T {
        try await body(registry)
    }

    func remove(_ tenantID: String) async throws {}

    func repair() async throws -> [String] { [] }
}
