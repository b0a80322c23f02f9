import Foundation
import Hummingbird
import HummingbirdTesting

/// A minimal browser: one cookie jar per host (the server's cookies are host-only), real HTTP to a server on
/// 127.0.0.1 with the `Host` the test names, redirects followed by hand.
actor Browser {
    let port: Int
    private var jar: [String: [String: String]] = [:]

    init(port: Int) { self.port = port }

    /// Sends a request with this browser's cookies for `host` and keeps the cookies the answer sets.
    func send(
        _ method: HTTPRequest.Method, _ path: String, host: String, headers: HTTPFields = [:], body: String? = nil
    ) async throws -> TestClient.Response {
        var headers = headers
        let cookies = (jar[host] ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        if !cookies.isEmpty { headers[.cookie] = cookies.joined(separator: "; ") }
        let request = TestClient.Request(
            path, method: method, authority: host, headers: headers, body: body.map { ByteBuffer(string: $0) })
        let response = try await TestClient.withClient(
            // 60 s instead of HummingbirdTesting's 15: the whole suite runs in parallel (bcrypt included), and a
            // loaded two-core CI machine once took longer than 15 s to answer.
            host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(60))) { client in
            try await client.execute(request)
        }
        for header in response.head.headerFields[values: .setCookie] { store(header, host: host) }
        return response
    }

    /// `GET path` at `host`.
    func get(_ path: String, host: String, headers: HTTPFields = [:]) async throws -> TestClient.Response {
        try await send(.get, path, host: host, headers: headers)
    }

    /// Posts `form` url-encoded to `path` at `host`.
    func post(_ path: String, host: String, form: [String: String]) async throws -> TestClient.Response {
        try await send(
            .post, path, host: host, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: FormEncoding.encode(form))
    }

    private func store(_ header: String, host: String) {
        let parts = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let pair = parts.first, let equals = pair.firstIndex(of: "=") else { return }
        let name = String(pair[..<equals])
        let value = String(pair[pair.index(after: equals)...])
        let expired = parts.contains { $0.lowercased() == "max-age=0" }
        if value.isEmpty || expired {
            jar[host]?[name] = nil
        } else {
            jar[host, default: [:]][name] = value
        }
    }
}

/// `application/x-www-form-urlencoded` and query-string encoding.
enum FormEncoding {
    static func encode(_ fields: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
            .joined(separator: "&")
    }
}

extension TestClient.Response {
    /// The body as text.
    var text: String { String(buffer: body ?? ByteBuffer()) }

    /// The query items of the `Location` header.
    var redirectQuery: [String: String] {
        guard let location = head.headerFields[.location], let items = URLComponents(string: location)?.queryItems
        else { return [:] }
        return Dictionary(items.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { first, _ in first })
    }

    /// The body as a JSON object (empty when it is not one).
    func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data((body ?? ByteBuffer()).readableBytesView)) as? [String: Any] ?? [:]
    }
}
