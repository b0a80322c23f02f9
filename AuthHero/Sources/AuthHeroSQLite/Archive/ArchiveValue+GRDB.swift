import AuthHeroCore
import GRDB

extension ArchiveValue {
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
}

extension ArchiveRow {
    /// The row's cells by column name.
    init(_ row: Row) {
        self.init(uniqueKeysWithValues: row.columnNames.map { ($0, ArchiveValue(row[$0] as DatabaseValue)) })
    }
}
