import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// HTTP calls to the control plane: its token endpoint and its Management API (`/api/v2/...`).
///
/// Every failure is a ``ControlPlaneFailure``; the routes decide what the caller sees.
struct ControlPlaneClient: Sendable {
    /// Answers larger than this are refused: a page of users or tenants is far smaller.
    static let maximumBodyBytes = 4 * 1024 * 1024
    /// The largest page the Management API serves.
    static let pageSize = 100

    /// The control plane's base URL, with its trailing slash.
    let baseURL: URL
    let timeout: TimeInterval
    private let session: URLSession
    private let challenges = ChallengeRecorder()

    /// A client for the control plane at `baseURL`; `timeout` bounds each request.
    init(baseURL: URL, timeout: TimeInterval = 10) {
        self.baseURL = baseURL
        self.timeout = timeout
        self.session = URLSession(configuration: .ephemeral, delegate: challenges, delegateQueue: nil)
    }

    /// A client-credentials token of this service's own client for `audience` (`POST /oauth/token`).
    func clientCredentialsToken(clientID: String, clientSecret: String, audience: String)
        async throws(ControlPlaneFailure)
        -> MachineToken
    {
        var request = request("oauth/token")
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        let form = [
            ("grant_type", "client_credentials"), ("client_id", clientID), ("client_secret", clientSecret),
            ("audience", audience),
        ]
        request.httpBody = Data(form.map { "\($0.0)=\(Self.formEncoded($0.1))" }.joined(separator: "&").utf8)
        let answer = try await decode(TokenAnswer.self, from: try await send(request))
        return MachineToken(
            value: answer.accessToken, expiresAt: Date().addingTimeInterval(TimeInterval(answer.expiresIn)))
    }

    /// One page of `GET /api/v2/tenants`: the tenants `bearer` may see (all of them for platform staff).
    func tenants(page: Int, bearer: String) async throws(ControlPlaneFailure) -> [TenantEntry] {
        let data = try await send(request("api/v2/tenants?page=\(page)&per_page=\(Self.pageSize)", bearer: bearer))
        return try decode([TenantEntry].self, from: data)
    }

    /// How many tenants `bearer` may see (`GET /api/v2/tenants?include_totals=true`).
    func tenantCount(bearer: String) async throws(ControlPlaneFailure) -> Int {
        let data = try await send(request("api/v2/tenants?include_totals=true&per_page=1", bearer: bearer))
        return try decode(TenantTotals.self, from: data).total
    }

    /// The first page of users of `tenantID` (`GET /api/v2/users` with the `tenant-id` header), read with `bearer`.
    func users(tenantID: String, bearer: String) async throws(ControlPlaneFailure) -> [CustomerUser] {
        var request = request("api/v2/users?per_page=\(Self.pageSize)", bearer: bearer)
        request.setValue(tenantID, forHTTPHeaderField: "tenant-id")
        return try decode([CustomerUser].self, from: try await send(request))
    }

    private func request(_ path: String, bearer: String? = nil) -> URLRequest {
        // `path` is a fixed string of this file plus numbers, so the URL always parses.
        var request = URLRequest(
            url: URL(string: path, relativeTo: baseURL)!.absoluteURL, cachePolicy: .reloadIgnoringLocalCacheData,
            timeoutInterval: timeout)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let bearer { request.setValue("Bearer \(bearer)", forHTTPHeaderField: "Authorization") }
        return request
    }

    private func send(_ request: URLRequest) async throws(ControlPlaneFailure) -> Data {
        let name = "\(request.httpMethod ?? "GET") \(request.url?.path ?? "")"
        let id = UUID().uuidString
        var request = request
        request.setValue(id, forHTTPHeaderField: ChallengeRecorder.requestIDHeader)
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch {
            if let status = challenges.takeStatus(of: id) {
                throw .refused(status: status, message: "\(name) answered \(status): the credentials were refused")
            }
            throw .unreachable("\(name) failed: \(error.localizedDescription)")
        }
        guard let status = (response as? HTTPURLResponse)?.statusCode else {
            throw .unreachable("\(name) got no HTTP answer")
        }
        guard data.count <= Self.maximumBodyBytes else {
            throw .unreadable("\(name) answered \(data.count) bytes, more than \(Self.maximumBodyBytes)")
        }
        guard (200..<300).contains(status) else {
            throw .refused(status: status, message: "\(name) answered \(status): \(Self.message(in: data))")
        }
        return data
    }

    private func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(ControlPlaneFailure) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw .unreadable("the control plane's answer is not the expected JSON (\(T.self))")
        }
    }

    /// The human part of an error body: Auth0's `message` or OAuth's `error_description`.
    private static func message(in data: Data) -> String {
        let body = try? JSONDecoder().decode(ErrorAnswer.self, from: data)
        return String((body?.message ?? body?.errorDescription ?? "no explanation").prefix(300))
    }

    private static func formEncoded(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

/// A successful answer of `/oauth/token`.
private struct TokenAnswer: Decodable {
    let accessToken: String
    let expiresIn: Int

    private enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case expiresIn = "expires_in"
    }
}

/// The `include_totals=true` shape of `/api/v2/tenants`.
private struct TenantTotals: Decodable {
    let total: Int
}

/// An error body of the Management API (`message`) or of the token endpoint (`error_description`).
private struct ErrorAnswer: Decodable {
    let message: String?
    let errorDescription: String?

    private enum CodingKeys: String, CodingKey {
        case message
        case errorDescription = "error_description"
    }
}
