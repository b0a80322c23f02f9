/// Maps a request's host to its tenant and issuer: the base host (and development aliases) is the control plane,
/// `{tenant}.{base host}` a customer tenant, a verified custom domain its tenant; anything else is refused, never
/// served as the control plane.
public struct TenantResolver: Sendable {
    public let hosts: PlatformHosts
    let tenants: any TenantStore
    let cache: TenantResolutionCache?

    /// Creates a resolver over the platform's hosts and the tenant store; with a `cache`, ready tenants and verified
    /// domains are remembered between requests (none unless given).
    public init(hosts: PlatformHosts, tenants: any TenantStore, cache: TenantResolutionCache? = nil) {
        self.hosts = hosts
        self.tenants = tenants
        self.cache = cache
    }

    /// The tenant for a request. `forwardedHost` / `forwardedProto` are used only when the hosts configuration
    /// trusts the proxy. Throws `TenantResolutionError`.
    public func resolve(host: String?, forwardedHost: String? = nil, forwardedProto: String? = nil) async throws
        -> TenantContext
    {
        let effectiveHost = hosts.trustForwardedHeaders ? (forwardedHost ?? host) : host
        let proto = hosts.trustForwardedHeaders ? forwardedProto?.lowercased() : nil
        guard let name = effectiveHost.flatMap(Self.hostName) else { throw TenantResolutionError.missingHost }

        if name == hosts.baseHost || hosts.controlPlaneAliases.contains(name) {
            return TenantContext(
                tenant: try await existing(ControlPlane.tenantID, host: name), issuer: hosts.controlPlaneIssuer)
        }
        if name.hasSuffix(".\(hosts.baseHost)") {
            let label = String(name.dropLast(hosts.baseHost.count + 1))
            guard TenantName.isValidLabel(label), label != ControlPlane.tenantID else {
                throw TenantResolutionError.unknownHost(name)
            }
            let scheme = proto.flatMap { ["http", "https"].contains($0) ? $0 : nil }
            return TenantContext(
                tenant: try await existing(label, host: name),
                issuer: hosts.subdomainIssuer(tenantID: label, scheme: scheme))
        }
        guard let domain = try await verifiedDomain(name) else {
            throw TenantResolutionError.unknownHost(name)
        }
        return TenantContext(
            tenant: try await existing(domain.tenantID, host: name),
            issuer: PlatformHosts.customDomainIssuer(domain.domain))
    }

    private func existing(_ tenantID: String, host: String) async throws -> Tenant {
        let read = { [tenants] in try await tenants.tenant(tenantID) }
        let found = if let cache { try await cache.tenant(tenantID, load: read) } else { try await read() }
        guard let tenant = found else { throw TenantResolutionError.unknownHost(host) }
        return tenant
    }

    private func verifiedDomain(_ host: String) async throws -> CustomDomain? {
        let read = { [tenants] in try await tenants.verifiedCustomDomain(host: host) }
        guard let cache else { return try await read() }
        return try await cache.verifiedDomain(host, load: read)
    }

    /// The lowercased host name without port; nil when the header is not a plausible host.
    static func hostName(_ header: String) -> String? {
        var value = Substring(header.lowercased())
        if value.hasPrefix("[") { return nil }
        if let colon = value.lastIndex(of: ":") {
            guard value[value.index(after: colon)...].allSatisfy(\.isNumber) else { return nil }
            value = value[..<colon]
        }
        if value.hasSuffix(".") { value = value.dropLast() }
        guard !value.isEmpty, value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }),
            value.allSatisfy(\.isASCII)
        else { return nil }
        return String(value)
    }
}

/// Why a request has no tenant.
public enum TenantResolutionError: Error, Equatable, CustomStringConvertible {
    case missingHost
    case unknownHost(String)

    public var description: String {
        switch self {
        case .missingHost: "The request has no usable Host header."
        case .unknownHost(let host): "No tenant is served at \(host)."
        }
    }
}
