import AuthHeroCore

/// A resource server in Auth0's shape, plus `metadata` (the sync flags) and `synced_from` (set on
/// read-only copies of a control-plane resource server).
struct ManagementResourceServer: Encodable, Sendable {
    let id: String
    let name: String
    let identifier: String
    let scopes: [ResourceServerScope]
    let signingAlg: String
    let tokenLifetime: Int
    let enforcePolicies: Bool
    let allowOfflineAccess: Bool
    let isSystem: Bool
    let metadata: [String: String]
    let syncedFrom: String?

    init(_ resourceServer: ResourceServer) {
        id = resourceServer.id
        name = resourceServer.name
        identifier = resourceServer.identifier
        scopes = resourceServer.scopes
        signingAlg = resourceServer.signingAlgorithm.rawValue
        tokenLifetime = resourceServer.tokenLifetime
        enforcePolicies = resourceServer.enforcePolicies
        allowOfflineAccess = resourceServer.allowOfflineAccess
        isSystem = resourceServer.isSystem
        metadata = resourceServer.metadata
        syncedFrom = resourceServer.syncedFrom
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, identifier, scopes, metadata
        case signingAlg = "signing_alg"
        case tokenLifetime = "token_lifetime"
        case enforcePolicies = "enforce_policies"
        case allowOfflineAccess = "allow_offline_access"
        case isSystem = "is_system"
        case syncedFrom = "synced_from"
    }
}
