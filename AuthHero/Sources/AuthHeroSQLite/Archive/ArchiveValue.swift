import Foundation
import GRDB

/// One SQLite value in a ``TenantArchive``, as JSON: `null`, a whole number, a decimal number, a string, or
/// `{"blob": "<base64>"}`. Text is kept exactly as stored (dates as SQLite date text, JSON columns as their JSON
/// text), so a row reads back byte for byte.
public enum ArchiveValue: Codable, Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)

    private struct BlobBox: Codable { var blob: Data }

    /// The value of a database cell.
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let number): self = .integer(number)
        case .double(let number): self = .real(number)
        case .string(let string): self = .text(string)
        case .blob(let data): self = .blob(data)
        }
    }

    /// The value to bind in an INSERT.
    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let number): number.databaseValue
        case .real(let number): number.databaseValue
        case .text(let string): string.databaseValue
        case .blob(let data): data.databaseValue
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let number = try? container.decode(Int64.self) {
            self = .integer(number)
        } else if let number = try? container.decode(Double.self) {
            self = .real(number)
        } else if let string = try? container.decode(String.self) {
            self = .text(string)
        } else {
            self = .blob(try container.decode(BlobBox.self).blob)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .integer(let number): try container.encode(number)
        case .real(let number): try container.encode(number)
        case .text(let string): try container.encode(string)
        case .blob(let data): try container.encode(BlobBox(blob: data))
        }
    }
}

/// One table row in a ``TenantArchive``: column name → value.
public typealias ArchiveRow = [String: ArchiveValue]

extension ArchiveRow {
    /// The row's cells by column name.
    init(_ row: Row) {
        self.init(uniqueKeysWithValues: row.columnNames.map { ($0, ArchiveValue(row[$0] as DatabaseValue)) })
    }
}
