import Foundation

/// One value in a ``TenantArchive``, as JSON: `null`, a whole number, a decimal number, a string, or
/// `{"blob": "<base64>"}`. The archive's cells are SQLite's storage classes, whatever store exported them: text is
/// kept exactly as SQLite stores it (dates as SQLite date text in UTC, `yyyy-MM-dd HH:mm:ss.SSS`; JSON columns as
/// their JSON text; booleans as 0 or 1), so a row reads back into SQLite byte for byte, and other stores convert
/// each cell by its column's type.
public enum ArchiveValue: Codable, Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)

    private struct BlobBox: Codable { var blob: Data }

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
