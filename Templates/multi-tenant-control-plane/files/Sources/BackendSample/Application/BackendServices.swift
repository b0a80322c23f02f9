import AuthHeroVerify
import Foundation

/// The services shared by every route, wired once per process from the configuration.
struct BackendServices: Sendable {
    let configuration: BackendConfiguration
    /// Verifies tokens of the control plane's issuer for the customer audiences and the internal API.
    let verifier: TokenVerifier
    let controlPlane: ControlPlaneClient
    /// This service's own Management API token (client credentials).
    let managementTokens: MachineTokenCache
    let directory: TenantDirectory
    let auditLog: AuditLog

    /// Wires the services; the control plane's keys come from its JWKS, fetched on first use and cached.
    init(configuration: BackendConfiguration, jwksFetcher: any JWKSFetcher = URLSessionJWKSFetcher()) {
        self.configuration = configuration
        let keys = RemoteJWKSSource(
            // A fixed relative path on a validated http(s) base URL always resolves.
            url: URL(string: ".well-known/jwks.json", relativeTo: configuration.controlPlaneURL)!.absoluteURL,
            fetcher: jwksFetcher)
        self.verifier = TokenVerifier(
            policy: VerificationPolicy(
                issuers: [configuration.issuer],
                audiences: Set(configuration.customerAudiences + [BackendConfiguration.internalAudience])),
            keys: keys)
        self.controlPlane = ControlPlaneClient(baseURL: configuration.controlPlaneURL)
        self.managementTokens = MachineTokenCache(
            controlPlane: controlPlane, clientID: configuration.clientID, clientSecret: configuration.clientSecret,
            audience: BackendConfiguration.managementAudience)
        self.directory = TenantDirectory(controlPlane: controlPlane, machineTokens: managementTokens)
        self.auditLog = AuditLog(path: configuration.auditLogPath)
    }
}
