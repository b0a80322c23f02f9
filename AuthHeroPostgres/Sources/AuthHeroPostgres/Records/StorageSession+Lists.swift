import AuthHeroCore
import PostgresNIO

extension StorageSession {
    /// One window of the rows `rows` (a `FROM … WHERE …` clause) ordered by `order`, decoded from `row` (a row as
    /// `to_jsonb(…)::text`), with the count of them all; both read in this transaction, so they agree.
    func slice<R: Decodable>(
        _ type: R.Type, row: String, _ rows: PostgresQuery, orderBy order: String, window: ListWindow
    ) async throws -> ListSlice<R> {
        let items = try await records(
            R.self,
            PostgresQuery(
                unsafeSQL: "SELECT \(row) \(rows.sql) ORDER BY \(order) LIMIT \(window.limit) OFFSET \(window.offset)",
                binds: rows.binds))
        // Counted over a subquery, so a grouped `rows` counts its groups.
        let total = try await integer(
            PostgresQuery(
                unsafeSQL: "SELECT count(*)::bigint FROM (SELECT 1 \(rows.sql)) AS matching", binds: rows.binds))
        return ListSlice(items: items, total: total)
    }

    /// Up to `take` of the rows `rows` (a `FROM … WHERE …` clause) ordered by `idColumn`, from id `from` on, plus the
    /// id that starts the next page: one extra row is read to know whether there is one.
    func checkpoint<R: Decodable>(
        _ type: R.Type, row: String, _ rows: PostgresQuery, idColumn: String, from: String?, take: Int,
        id: (R) -> String
    ) async throws -> CheckpointSlice<R> {
        var binds = rows.binds
        var sql = "SELECT \(row) \(rows.sql)"
        if let from {
            binds.append(from)
            sql += " AND \(idColumn) >= $\(binds.count)"
        }
        let take = max(0, take)
        let found = try await records(
            R.self, PostgresQuery(unsafeSQL: sql + " ORDER BY \(idColumn) LIMIT \(take + 1)", binds: binds))
        guard found.count > take else { return CheckpointSlice(items: found, next: nil) }
        return CheckpointSlice(items: Array(found.prefix(take)), next: found.last.map(id))
    }
}
