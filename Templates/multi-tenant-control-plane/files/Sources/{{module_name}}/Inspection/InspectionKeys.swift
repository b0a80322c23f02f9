import AuthHeroCore
import AuthHeroVerify
import Foundation

/// Where `token inspect` gets the keys to check a token against.
enum InspectionKeys {
    /// Every tenant of the local database, each issuer with only its own keys (read in-process, no HTTP).
    static func local(_ runtime: ControlPlaneRuntime) async throws -> [String: any JWKSSource] {
        var sources: [String: any JWKSSource] = [:]
        for tenant in try await runtime.storage.tenants() {
            let issuer = tenant.id == ControlPlane.tenantID
                ? runtime.hosts.controlPlaneIssuer : runtime.hosts.subdomainIssuer(tenantID: tenant.id)
            let keys = runtime.services.keys
            let id = tenant.id
            sources[issuer] = LocalJWKSSource { try await keys.keyRing(tenantID: id).jwks }
        }
        return sources
    }

    /// One issuer's keys from its JWKS URL (a running server, this one or another).
    static func remote(issuer: String, url: URL) -> [String: any JWKSSource] {
        [issuer: RemoteJWKSSource(url: url)]
    }
}
