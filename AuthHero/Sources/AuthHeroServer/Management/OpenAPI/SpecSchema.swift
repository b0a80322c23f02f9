import OpenAPIKit

/// Schema pieces the route groups share: references, string maps, paged lists and the error body.
enum SpecSchema {
    /// The schema component `name` (a required property when used in an object).
    static func ref(_ name: String, required: Bool = true) -> JSONSchema {
        .reference(.component(named: name), required: required)
    }

    /// `{string: string}` metadata, as stored.
    static func stringMap(required: Bool = true) -> JSONSchema {
        .object(required: required, additionalProperties: .b(.string))
    }

    /// `{string: string|null}`: metadata changes where `null` removes a key.
    static let metadataChanges: JSONSchema = .object(
        required: false, additionalProperties: .b(.string(nullable: true)))

    /// A list answer: a bare array of `item`, or with `include_totals=true` `{<key>: [...], start, limit, total}`
    /// (plus `length` where the route sends it), or with checkpoint paging `{<key>: [...], next?}`.
    static func list(_ item: String, key: String, length: Bool = false, checkpoint: Bool = false) -> JSONSchema {
        var totals: OrderedDictionary<String, JSONSchema> = [
            key: .array(items: ref(item)), "start": .integer, "limit": .integer, "total": .integer,
        ]
        if length { totals["length"] = .integer }
        var shapes: [JSONSchema] = [.array(items: ref(item)), record(totals)]
        if checkpoint {
            shapes.append(record([key: .array(items: ref(item)), "next": .string(required: false)]))
        }
        return .any(of: shapes)
    }

    /// Auth0's error body, the answer of every refusal.
    static let error: JSONSchema = .object(
        description: "An Auth0-shaped refusal; errorCode is machine-readable, message says what to fix.",
        properties: ["statusCode": .integer, "error": .string, "message": .string, "errorCode": .string],
        additionalProperties: .a(false))

    /// An object the API answers with: exactly `properties`, nothing undocumented, so a field added to a wire shape
    /// without its schema fails the fuzz run (`response_schema_conformance`).
    static func record(_ properties: OrderedDictionary<String, JSONSchema>) -> JSONSchema {
        .object(properties: properties, additionalProperties: .a(false))
    }

    /// A request body object whose decoder refuses fields other than `properties` (``ManagementBody``).
    static func strictBody(_ properties: OrderedDictionary<String, JSONSchema>) -> JSONSchema {
        .object(properties: properties, additionalProperties: .a(false))
    }
}
