import Foundation

/// Where an `/authorize` answer is sent: a validated redirect URI, the response mode and the client's `state`.
public struct AuthorizationResponseTarget: Sendable, Equatable {
    /// Exactly one of the client's callbacks.
    public var redirectURI: String
    public var responseMode: ResponseMode
    public var state: String?
    /// The client's web origins: the only sites that may frame a `web_message` answer.
    public var webOrigins: [String]

    /// Creates a target; only the validator should, after matching the redirect URI.
    public init(redirectURI: String, responseMode: ResponseMode, state: String?, webOrigins: [String]) {
        self.redirectURI = redirectURI
        self.responseMode = responseMode
        self.state = state
        self.webOrigins = webOrigins
    }

    /// `scheme://host[:port]` of the redirect URI: the only origin a `web_message` answer is posted to.
    public var origin: String? {
        guard let components = URLComponents(string: redirectURI), let scheme = components.scheme,
            let host = components.host
        else { return nil }
        return "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
    }
}
