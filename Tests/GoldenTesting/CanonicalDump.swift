import Foundation
import GRDB

/// A canonical SQL dump of a SQLite database for golden comparison: tables sorted by name, each row as a tuple,
/// rows sorted, and every value that differs from run to run (ids, keys, hashes, secrets, times) masked.
public struct CanonicalDump {
    /// Values known to be random, with the placeholder each gets (client ids, the administrator's id).
    public var knownValues: [String: String]

    public init(knownValues: [String: String]) { self.knownValues = knownValues }

    /// Columns whose values are random or clock-dependent in every row.
    static let maskedColumns: Set<String> = [
        "kid", "private_key_pem", "certificate_pem", "secret_hash", "password_hash", "token_hash", "code_hash",
        "verification_token",
    ]
    /// Whether `text` is a random id with a fixed prefix (`con_` or `cgr_` and 16 alphanumerics).
    static func isRandomIdentifier(_ text: String) -> Bool {
        (text.hasPrefix("con_") || text.hasPrefix("cgr_")) && text.count == 20
            && text.dropFirst(4).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    public func dump(path: String) throws -> String {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            // Key ids also appear in other tables (the audit log names the key it created).
            var known = knownValues
            for kid in try String.fetchAll(db, sql: "SELECT kid FROM signing_keys") { known[kid] = "<kid>" }
            let tables = try String.fetchAll(
                db,
                sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            var lines: [String] = []
            for table in tables {
                let columns = try db.columns(in: table).map(\.name)
                lines.append("-- \(table) (\(columns.joined(separator: ", ")))")
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier)").map { row in
                    "("
                        + columns.map { mask(row[$0] as DatabaseValue, column: $0, known: known) }.joined(
                            separator: ", ") + ")"
                }
                lines += rows.sorted()
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    private func mask(_ value: DatabaseValue, column: String, known: [String: String]) -> String {
        switch value.storage {
        case .null:
            return "NULL"
        case .int64(let number):
            return "\(number)"
        case .double(let number):
            return "\(number)"
        case .blob:
            return "<blob>"
        case .string(let text):
            if Self.maskedColumns.contains(column) { return "<\(column)>" }
            if column.hasSuffix("_at") || column.hasSuffix("_until") { return "<time>" }
            if let placeholder = known[text] { return placeholder }
            if Self.isRandomIdentifier(text) { return "<\(text.prefix(3))_id>" }
            var masked = text
            for (value, placeholder) in known { masked = masked.replacingOccurrences(of: value, with: placeholder) }
            return "'" + masked.replacingOccurrences(of: "'", with: "''") + "'"
        }
    }
}
