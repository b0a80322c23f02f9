import AuthHeroCore
import Foundation

/// A column of a PostgreSQL table as an archive sees it: its name, its type (`information_schema`'s `data_type`)
/// and whether the database assigns its value (an identity, such as audit entry ids, which an import leaves out).
/// It converts between the archive's cells, which are SQLite's (``ArchiveValue``), and the JSON values `to_jsonb`
/// gives and `jsonb_populate_record` takes.
struct ArchiveColumn: Sendable {
    let name: String
    let type: String
    let isGenerated: Bool

    /// The archive's cell for `value`, one value of a `to_jsonb(row)` object.
    func cell(_ value: Any?, table: String) throws -> ArchiveValue {
        guard let value, !(value is NSNull) else { return .null }
        switch (type, value) {
        case ("boolean", let flag as Bool): return .integer(flag ? 1 : 0)
        case ("smallint", let number as NSNumber), ("integer", let number as NSNumber),
            ("bigint", let number as NSNumber):
            return .integer(number.int64Value)
        case ("double precision", let number as NSNumber), ("real", let number as NSNumber),
            ("numeric", let number as NSNumber):
            return .real(number.doubleValue)
        case ("timestamp with time zone", let text as String):
            guard let date = Self.postgresDate(text) else { throw invalid(table, "\(text) is not a timestamp") }
            return .text(Self.sqliteDate(date))
        case ("jsonb", _), ("json", _):
            let data = try JSONSerialization.data(
                withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes])
            return .text(String(decoding: data, as: UTF8.self))
        case ("bytea", let text as String):
            guard let data = ByteaText.data(text) else { throw invalid(table, "\(name) is not bytea") }
            return .blob(data)
        case (_, let text as String): return .text(text)
        default: throw invalid(table, "\(name) of type \(type) cannot be archived")
        }
    }

    /// The JSON value `jsonb_populate_record` turns into this column's value for the archive's `cell`.
    func jsonValue(_ cell: ArchiveValue, table: String) throws -> Any {
        switch (type, cell) {
        case (_, .null): return NSNull()
        case ("boolean", .integer(let number)): return number != 0
        case ("smallint", .integer(let number)), ("integer", .integer(let number)), ("bigint", .integer(let number)):
            return number
        case ("double precision", .real(let number)), ("real", .real(let number)), ("numeric", .real(let number)):
            return number
        case ("double precision", .integer(let number)), ("real", .integer(let number)),
            ("numeric", .integer(let number)):
            return Double(number)
        case ("timestamp with time zone", .text(let text)):
            guard let date = Self.sqliteDateFormat.date(from: text) ?? Self.sqliteSecondsFormat.date(from: text) else {
                throw invalid(table, "\(name) holds \"\(text)\", which is not a date")
            }
            return date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        case ("jsonb", .text(let text)), ("json", .text(let text)):
            do {
                return try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)
            } catch {
                throw invalid(table, "\(name) does not hold JSON")
            }
        case ("bytea", .blob(let data)): return ByteaText.text(data)
        case ("text", .text(let text)), ("character varying", .text(let text)): return text
        default: throw invalid(table, "\(name) (\(type)) cannot hold \(cell)")
        }
    }

    private func invalid(_ table: String, _ reason: String) -> TenantArchiveError {
        .invalidRow(table: table, reason: reason)
    }

    /// SQLite's date text, as GRDB writes dates: UTC with milliseconds.
    static func sqliteDate(_ date: Date) -> String { sqliteDateFormat.string(from: date) }

    private static let sqliteDateFormat = utcFormatter("yyyy-MM-dd HH:mm:ss.SSS")
    private static let sqliteSecondsFormat = utcFormatter("yyyy-MM-dd HH:mm:ss")

    private static func utcFormatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        return formatter
    }

    /// `to_jsonb` writes `timestamptz` as ISO 8601 with an offset and zero to six fractional digits.
    private static func postgresDate(_ text: String) -> Date? {
        (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text))
            ?? (try? Date.ISO8601FormatStyle().parse(text))
    }
}
