import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

extension TestClient.Response {
    /// The body as text.
    public var text: String { String(buffer: body ?? ByteBuffer()) }

    /// The `Location` header.
    public var location: String? { head.headerFields[.location] }

    /// The query items of the `Location` header.
    public var redirectQuery: [String: String] {
        guard let location, let items = URLComponents(string: location)?.queryItems else { return [:] }
        return Dictionary(items.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { first, _ in first })
    }

    /// The body as a JSON object (empty when it is not one).
    public func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data((body ?? ByteBuffer()).readableBytesView)) as? [String: Any] ?? [:]
    }
}
