import Foundation
import Hummingbird
import OpenAPIKit

/// A Management API request body, declared once: the Codable type, its schema (the document's component and the
/// list of fields the decoder accepts) and the shape error messages show. A field the schema does not name is a
/// 400 `invalid_body` naming it, so a misspelt or unsupported field is never a silent no-op.
protocol ManagementBody: Decodable, Sendable {
    /// The schema component's name in the OpenAPI document.
    static var schemaName: String { get }
    static var schema: JSONSchema { get }
    /// The body in one line, for error messages: `{"name": string, "description"?: string}`.
    static var shape: String { get }
    /// Rules the schema's types do not express (a list that must not be empty); throws a 400.
    func validate() throws(ManagementError)
}

extension ManagementBody {
    func validate() throws(ManagementError) {}

    /// Reads the request's body: at most ``ManagementRequest/maximumBodySize`` bytes of JSON, no member the schema
    /// does not name, then the type's own decoding and ``validate()``.
    static func decode(_ request: Request) async throws -> Self {
        let limit = ManagementRequest.maximumBodySize
        guard let buffer = try? await request.body.collect(upTo: limit) else {
            throw ManagementError.invalidBody("The body must be JSON of at most \(limit) bytes: \(shape).")
        }
        let data = Data(buffer.readableBytesView)
        if let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
            let unknown = Self.unknownMember(json, schema: schema, path: [])
        {
            throw ManagementError.invalidBody("Unknown field \(unknown); the body must be \(shape).")
        }
        guard let body = try? JSONDecoder().decode(Self.self, from: data) else {
            throw ManagementError.invalidBody("The body must be a JSON object \(shape).")
        }
        try body.validate()
        return body
    }

    /// The dotted path of the first member of `value` that `schema` does not name. Objects whose schema lists
    /// properties are closed unless they allow additional properties of some schema (maps such as metadata).
    private static func unknownMember(_ value: Any, schema: JSONSchema, path: [String]) -> String? {
        if let object = value as? [String: Any], let context = schema.objectContext {
            let open: Bool
            switch context.additionalProperties {
            case .a(let allowed): open = allowed
            case .b: open = true
            case nil: open = context.properties.isEmpty
            }
            for (key, member) in object.sorted(by: { $0.key < $1.key }) {
                guard let property = context.properties[key] else {
                    if open { continue }
                    return (path + [key]).joined(separator: ".")
                }
                if let found = unknownMember(member, schema: property, path: path + [key]) { return found }
            }
        } else if let array = value as? [Any], let items = schema.arrayContext?.items {
            for element in array {
                if let found = unknownMember(element, schema: items, path: path) { return found }
            }
        }
        return nil
    }
}
