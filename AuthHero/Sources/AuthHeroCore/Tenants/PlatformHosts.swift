import Foundation

/// Which hosts the platform answers on, derived from the configured base URL (e.g. `http://localhost:3000/`).
public struct PlatformHosts: Sendable, Equatable {
    /// The control plane's issuer: the base URL with exactly one trailing slash.
    public let controlPlaneIssuer: String
    /// Lowercased host of the base URL (`localhost`, `auth.example.com`).
    public let baseHost: String
    public let scheme: String
    /// `:3000`, or empty for the scheme's default port.
    public let portSuffix: String
    /// Extra control-plane host names (`localhost`, `127.0.0.1` in development).
    public let controlPlaneAliases: Set<String>
    /// Whether `X-Forwarded-Host` / `X-Forwarded-Proto` come from a proxy we trust.
    public let trustForwardedHeaders: Bool

    /// Parses `baseURL`; throws `PlatformHostsError` when it is not an absolute http(s) URL without path or query.
    public init(baseURL: String, development: Bool, trustForwardedHeaders: Bool = false) throws {
        guard let url = URL(string: baseURL), let scheme = url.scheme?.lowercased(),
            ["http", "https"].contains(scheme),
            let host = url.host?.lowercased(), !host.isEmpty, url.query == nil, ["", "/"].contains(url.path)
        else { throw PlatformHostsError.invalidBaseURL(baseURL) }
        self.scheme = scheme
        self.baseHost = host
        self.portSuffix = url.port.map { ":\($0)" } ?? ""
        self.controlPlaneIssuer = "\(scheme)://\(host)\(portSuffix)/"
        self.controlPlaneAliases = development ? ["localhost", "127.0.0.1"] : []
        self.trustForwardedHeaders = trustForwardedHeaders
    }

    /// The issuer of a tenant reached at `{tenantID}.{base host}`.
    public func subdomainIssuer(tenantID: String, scheme requestScheme: String? = nil) -> String {
        let scheme = requestScheme ?? self.scheme
        // A proxy that switches scheme (TLS termination) also switches to that scheme's default port.
        let port = scheme == self.scheme ? portSuffix : ""
        return "\(scheme)://\(tenantID).\(baseHost)\(port)/"
    }

    /// The issuer of a verified custom domain (always https).
    public static func customDomainIssuer(_ domain: String) -> String { "https://\(domain)/" }

    /// Checks that `domain` may become a custom domain: a plain lowercase host name that is neither the base host
    /// nor under it (those names belong to the platform's own routing).
    public func validateCustomDomain(_ domain: String) throws {
        let name = domain.lowercased()
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        // A numeric last label would make an IP address (`10.0.0.1`) pass for a host name; no top-level domain is
        // numeric. 253 characters is the DNS limit for a whole name.
        guard name == domain, labels.count >= 2, name.utf8.count <= 253,
            labels.allSatisfy({ TenantName.isValidLabel(String($0)) }),
            labels.last.map({ !$0.allSatisfy(\.isNumber) }) == true
        else {
            throw PlatformHostsError.invalidCustomDomain(
                domain, "it must be a lowercase host name such as auth.example.com")
        }
        guard name != baseHost, !name.hasSuffix(".\(baseHost)"), !controlPlaneAliases.contains(name) else {
            throw PlatformHostsError.invalidCustomDomain(domain, "it is the platform's own host or sits under it")
        }
    }
}

/// Configuration mistakes in host set-up.
public enum PlatformHostsError: Error, Equatable, CustomStringConvertible {
    case invalidBaseURL(String)
    case invalidCustomDomain(String, String)

    public var description: String {
        switch self {
        case .invalidBaseURL(let url):
            "Invalid base URL \(url): use an absolute http(s) URL without path, e.g. http://localhost:3000/."
        case .invalidCustomDomain(let domain, let reason): "Custom domain \(domain) is not allowed: \(reason)."
        }
    }
}
