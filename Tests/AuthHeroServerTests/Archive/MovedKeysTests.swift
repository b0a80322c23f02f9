import AuthHeroCore
import AuthHeroSQLite
import AuthHeroTesting
import Foundation
import JWTKit
import Testing

/// A tenant moved between storage layouts keeps its signing keys: tokens signed before the move verify after it,
/// and the moved tenant signs with the same key id.
@Suite struct MovedKeysTests {
    private struct Claims: JWTPayload {
        var sub: SubjectClaim
        var exp: ExpirationClaim
        func verify(using algorithm: some JWTAlgorithm) throws { try exp.verifyNotExpired() }
    }

    private static func storage(_ layout: StorageLayout) throws -> SQLiteStorage {
        let folder = try TemporaryFolder(prefix: "authhero-moved")
        let storage = try SQLiteStorage.open(
            strategy: StorageStrategy(layout: layout, databasePath: folder.path("cp.sqlite")))
        try storage.migrate()
        return storage
    }

    @Test(arguments: [(StorageLayout.shared, StorageLayout.databasePerTenant), (.databasePerTenant, .shared)])
    func tokensSignedBeforeAMoveVerifyAfterIt(from source: StorageLayout, to target: StorageLayout) async throws {
        let clock = ManualClock(Date())
        let origin = try Self.storage(source)
        try await TenantBootstrap(storage: origin, keys: SigningKeyService(storage: origin, clock: clock), clock: clock)
            .ensureTenant(id: "acme", friendlyName: "Acme")
        let originKeys = SigningKeyService(storage: origin, clock: clock)
        let claims = Claims(sub: "auth0|ada", exp: ExpirationClaim(value: clock.now() + 600))
        let token = try await originKeys.sign(claims, tenantID: "acme", algorithm: .rs256, type: "JWT")

        let destination = try Self.storage(target)
        try await destination.importArchive(try await origin.exportTenant("acme"))
        let movedKeys = SigningKeyService(storage: destination, clock: clock)

        // Verified as a resource server would: with the moved tenant's published JWKS only.
        let published = JWTKeyCollection()
        try await published.add(jwks: movedKeys.keyRing(tenantID: "acme").jwks)
        let verified = try await published.verify(token, as: Claims.self)
        #expect(verified.sub == claims.sub)
        #expect(
            try await movedKeys.keyRing(tenantID: "acme").currentKeyIDs
                == originKeys.keyRing(tenantID: "acme").currentKeyIDs)
    }
}
