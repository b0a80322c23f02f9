import AuthHeroCore
import Foundation
import Hummingbird

/// The parameters of `/oauth/token` and `/oauth/revoke`, from a form (the SDK default) or a JSON body; unknown
/// parameters are ignored.
struct TokenRequestBody: Decodable {
    var grantType: String?
    var clientID: String?
    var clientSecret: String?
    var audience: String?
    var scope: String?
    var token: String?
    var tokenTypeHint: String?
    var code: String?
    var redirectURI: String?
    var codeVerifier: String?
    var refreshToken: String?
    var organization: String?

    private enum CodingKeys: String, CodingKey {
        case grantType = "grant_type"
        case clientID = "client_id"
        case clientSecret = "client_secret"
        case audience, scope, token
        case tokenTypeHint = "token_type_hint"
        case code
        case redirectURI = "redirect_uri"
        case codeVerifier = "code_verifier"
        case refreshToken = "refresh_token"
        case organization
    }

    /// The parameters of a form body; the same names as the JSON body's.
    init(form: OAuthForm) {
        let fields: [(CodingKeys, WritableKeyPath<Self, String?>)] = [
            (.grantType, \.grantType), (.clientID, \.clientID), (.clientSecret, \.clientSecret),
            (.audience, \.audience), (.scope, \.scope), (.token, \.token), (.tokenTypeHint, \.tokenTypeHint),
            (.code, \.code), (.redirectURI, \.redirectURI), (.codeVerifier, \.codeVerifier),
            (.refreshToken, \.refreshToken), (.organization, \.organization),
        ]
        for (key, field) in fields { self[keyPath: field] = form[key.rawValue] }
    }

    /// Bodies beyond this size are refused before parsing.
    static let maximumSize = 64 * 1024

    /// Reads and decodes the body; every failure is an `OAuthError` with a clear message.
    static func decode(from request: Request) async throws -> TokenRequestBody {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maximumSize)
        } catch {
            throw OAuthError(
                code: "invalid_request", message: "The request body is larger than \(maximumSize) bytes.", status: 413)
        }
        let data = Data(buffer.readableBytesView)
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        do {
            if contentType.hasPrefix("application/json") {
                return try JSONDecoder().decode(TokenRequestBody.self, from: data)
            }
            if contentType.hasPrefix("application/x-www-form-urlencoded") {
                return TokenRequestBody(form: try OAuthForm(String(decoding: data, as: UTF8.self)[...]))
            }
        } catch {
            throw OAuthError.invalidRequest(
                "The request body could not be parsed as \(contentType.split(separator: ";").first ?? "").")
        }
        throw OAuthError.invalidRequest(
            "Send the parameters as application/x-www-form-urlencoded or application/json.")
    }

    /// The client credentials from the body (`client_secret_post`) or the `Authorization: Basic` header
    /// (`client_secret_basic`); using both at once is refused (RFC 6749 §2.3).
    func credentials(authorization: String?) throws -> ClientCredentials {
        if let authorization, authorization.lowercased().hasPrefix("basic ") {
            guard clientSecret == nil else {
                throw OAuthError.invalidRequest(
                    "Use one client authentication method: Basic header or client_secret, not both.")
            }
            guard let basic = Self.basicCredentials(String(authorization.dropFirst(6))) else {
                throw OAuthError.invalidClient("The Basic authorization header is malformed.")
            }
            if let clientID, clientID != basic.clientID {
                throw OAuthError.invalidRequest("client_id differs from the client in the Basic authorization header.")
            }
            return basic
        }
        guard let clientID, !clientID.isEmpty else {
            throw OAuthError.invalidClient("Client authentication is required: send client_id and client_secret.")
        }
        return ClientCredentials(clientID: clientID, clientSecret: clientSecret)
    }

    /// `base64(urlencode(id) ":" urlencode(secret))` (RFC 6749 §2.3.1).
    static func basicCredentials(_ encoded: String) -> ClientCredentials? {
        guard let data = Data(base64Encoded: encoded.trimmingCharacters(in: .whitespaces)),
            let decoded = String(data: data, encoding: .utf8), let colon = decoded.firstIndex(of: ":"),
            let id = decoded[..<colon].removingPercentEncoding,
            let secret = decoded[decoded.index(after: colon)...].removingPercentEncoding, !id.isEmpty
        else { return nil }
        return ClientCredentials(clientID: id, clientSecret: secret)
    }
}
