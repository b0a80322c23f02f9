import AuthHeroCore
import Foundation

/// Domain records ↔ PostgreSQL rows through JSON: a record is encoded once and handed to the server as one `jsonb`
/// parameter (`jsonb_populate_record` turns it into a row), and a row comes back as `to_jsonb(row)`. Top-level keys
/// are the snake_case column names (``ColumnName``, as on SQLite); bytes travel as `bytea`'s hex text (``ByteaText``);
/// nested values (settings, lists, metadata) are the
/// JSON the `jsonb` columns hold, with their Swift key names.
enum RowCoding {
    /// `record` as the JSON text of one row, with the columns it sets (optional properties that are nil set none).
    static func row(_ record: some Encodable) throws -> (json: String, columns: [String]) {
        let data = try encoder(namingColumns: true).encode(record)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        return (String(decoding: data, as: UTF8.self), object.keys.sorted())
    }

    /// `value` as the JSON one `jsonb` column holds: keys as in Swift, as for a nested value of a row.
    static func columnValue(_ value: some Encodable) throws -> String {
        String(decoding: try encoder(namingColumns: false).encode(value), as: UTF8.self)
    }

    /// The record in `json`, a row as `to_jsonb` returns it.
    static func record<R: Decodable>(_ type: R.Type, from json: String) throws -> R {
        try decoder.decode(R.self, from: Data(json.utf8))
    }

    private static func encoder(namingColumns: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        if namingColumns {
            encoder.keyEncodingStrategy = .custom { path in
                path.count == 1 ? Key(ColumnName.column(path[0].stringValue)) : path[path.count - 1]
            }
        }
        encoder.dataEncodingStrategy = .custom { data, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ByteaText.text(data))
        }
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
        }
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .custom { path in
            path.count == 1 ? Key(ColumnName.property(path[0].stringValue)) : path[path.count - 1]
        }
        decoder.dataDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            guard let data = ByteaText.data(try container.decode(String.self)) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not bytea in hex form")
            }
            return data
        }
        // `timestamptz` comes back as ISO 8601 with an offset and up to six fractional digits.
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            return try Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
        }
        return decoder
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ stringValue: String) { self.stringValue = stringValue }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
