import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

/// A minimal browser for tests: one cookie jar keyed by host (cookies are host-only, as the server sets
/// them), real HTTP to the server on 127.0.0.1 with the tenant's `Host`, redirects followed by hand.
public actor Browser {
    private struct StoredCookie {
        var value: String
        var path: String
    }

    /// Where requests go; a load balancer in front of several server processes is a browser whose port moves.
    public private(set) var port: Int
    private var jar: [String: [String: StoredCookie]] = [:]

    /// A browser with an empty cookie jar talking to the server on `port`.
    public init(port: Int) { self.port = port }

    /// Sends the next requests to the server on `port`, keeping the cookies.
    public func move(to port: Int) { self.port = port }

    /// Sends a request with this browser's cookies for `host`, and stores the cookies the answer sets.
    public func send(
        _ method: HTTPRequest.Method, _ path: String, host: String, headers: HTTPFields = [:], body: String? = nil
    ) async throws -> TestClient.Response {
        var headers = headers
        let cookies = cookieHeader(host: host, path: path)
        if !cookies.isEmpty { headers[.cookie] = cookies }
        let requestHeaders = headers
        // A generous read timeout: tenant creation generates an RSA key on the server's key pool, where the seeding
        // of every other suite running in parallel on a 2-core CI machine queues its own keys first; a server that
        // never answers still fails.
        let response = try await TestClient.withClient(
            host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(120))
        ) { client in
            try await client.execute(
                TestClient.Request(
                    path, method: method, authority: host, headers: requestHeaders,
                    body: body.map { ByteBuffer(string: $0) }))
        }
        for header in response.head.headerFields[values: .setCookie] { store(header, host: host) }
        return response
    }

    /// `GET path` at `host`.
    public func get(_ path: String, host: String, headers: HTTPFields = [:]) async throws -> TestClient.Response {
        try await send(.get, path, host: host, headers: headers)
    }

    /// Posts `form` url-encoded to `path` at `host`.
    public func post(_ path: String, host: String, form: [String: String], headers: HTTPFields = [:]) async throws
        -> TestClient.Response
    {
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await send(.post, path, host: host, headers: headers, body: FormEncoding.encode(form))
    }

    /// The value of cookie `name` this browser holds for `host`.
    public func cookie(_ name: String, host: String) -> String? { jar[host]?[name]?.value }

    /// Plants a cookie, as an attacker who copied it from another site would.
    public func setCookie(_ name: String, value: String, host: String) {
        jar[host, default: [:]][name] = StoredCookie(value: value, path: "/")
    }

    private func cookieHeader(host: String, path: String) -> String {
        (jar[host] ?? [:]).filter { path.hasPrefix($0.value.path) }.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.value)" }.joined(separator: "; ")
    }

    private func store(_ header: String, host: String) {
        let parts = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let pair = parts.first, let equals = pair.firstIndex(of: "=") else { return }
        let name = String(pair[..<equals])
        let value = String(pair[pair.index(after: equals)...])
        let attributes = Dictionary(
            parts.dropFirst().map { part -> (String, String) in
                let pieces = part.split(separator: "=", maxSplits: 1).map(String.init)
                return (pieces[0].lowercased(), pieces.count > 1 ? pieces[1] : "")
            }, uniquingKeysWith: { first, _ in first })
        if attributes["max-age"] == "0" || value.isEmpty {
            jar[host]?[name] = nil
        } else {
            jar[host, default: [:]][name] = StoredCookie(value: value, path: attributes["path"] ?? "/")
        }
    }
}
