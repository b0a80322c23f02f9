import Foundation
import Hummingbird

/// A Management API body that refuses members it does not know, so a misspelt or unsupported field is a 400 naming
/// it instead of a silent no-op. Conforming types call ``refuseUnknownMembers(_:)`` first in `init(from:)`.
protocol StrictBody: Decodable {
    associatedtype Members: CodingKey & CaseIterable
}

/// A member of a JSON object that the body type does not accept.
struct UnknownBodyMember: Error {
    let name: String
}

extension StrictBody {
    /// Throws ``UnknownBodyMember`` for the first member of the JSON object that is not one of `Members`.
    static func refuseUnknownMembers(_ decoder: any Decoder) throws {
        try refuseUnknownMembers(decoder, known: Members.self)
    }

    /// The same check for a nested object decoded with its own keys (e.g. `options`, `flags`).
    static func refuseUnknownMembers<Keys: CodingKey & CaseIterable>(_ decoder: any Decoder, known: Keys.Type)
        throws
    {
        let names = Set(Keys.allCases.map(\.stringValue))
        let container = try decoder.container(keyedBy: AnyMemberKey.self)
        if let unknown = container.allKeys.first(where: { !names.contains($0.stringValue) }) {
            let path = (decoder.codingPath.map(\.stringValue) + [unknown.stringValue]).joined(separator: ".")
            throw UnknownBodyMember(name: path)
        }
    }
}

extension ManagementRequest {
    /// Decodes a ``StrictBody``; an unknown member is a 400 `invalid_body` naming it, anything else malformed is the
    /// same 400 as ``body(_:_:shape:)``.
    static func strictBody<Body: StrictBody>(_ type: Body.Type, _ request: Request, shape: String) async throws
        -> Body
    {
        guard let buffer = try? await request.body.collect(upTo: maximumBodySize) else {
            throw ManagementError.invalidBody("The body must be JSON of at most \(maximumBodySize) bytes: \(shape).")
        }
        do {
            return try JSONDecoder().decode(Body.self, from: Data(buffer.readableBytesView))
        } catch let unknown as UnknownBodyMember {
            throw ManagementError.invalidBody("Unknown field \(unknown.name); the body must be \(shape).")
        } catch {
            throw ManagementError.invalidBody("The body must be a JSON object \(shape).")
        }
    }
}

private struct AnyMemberKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
