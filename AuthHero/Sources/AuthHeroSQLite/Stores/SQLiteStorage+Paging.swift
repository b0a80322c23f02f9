import AuthHeroCore
import GRDB

extension SQLiteStorage {
    /// One window of `request` in `tenantID`'s database and the count of all its rows, read in one snapshot so the two agree. The request is
    /// built inside the read because GRDB requests are not `Sendable`.
    func slice<R: FetchableRecord & Sendable>(
        _ window: ListWindow, tenantID: String, _ request: @escaping @Sendable () -> QueryInterfaceRequest<R>
    ) async throws -> ListSlice<R> {
        try await read(tenantID) { db in
            let all = request()
            return ListSlice(
                items: try all.limit(window.limit, offset: window.offset).fetchAll(db), total: try all.fetchCount(db))
        }
    }

    /// Up to `take` rows of `request` in `tenantID`'s database ordered by `idColumn`, starting at `from`, plus the id that starts the next
    /// page: one extra row is read to know whether there is one.
    func checkpoint<R: FetchableRecord & Sendable>(
        from: String?, take: Int, tenantID: String, idColumn: Column, id: @escaping @Sendable (R) -> String,
        _ request: @escaping @Sendable () -> QueryInterfaceRequest<R>
    ) async throws -> CheckpointSlice<R> {
        try await read(tenantID) { db in
            var all = request()
            if let from { all = all.filter(idColumn >= from) }
            let rows = try all.order(idColumn).limit(max(0, take) + 1).fetchAll(db)
            guard rows.count > take else { return CheckpointSlice(items: rows, next: nil) }
            return CheckpointSlice(items: Array(rows.prefix(take)), next: rows.last.map(id))
        }
    }
}
