/// The JWS algorithms the runtime signs with: RS256 by default (every Auth0 SDK accepts it), ES256 per resource server.
public enum SigningAlgorithm: String, Codable, Sendable, CaseIterable {
    case rs256 = "RS256"
    case es256 = "ES256"
}
