import Foundation
import JWTKit
import NIOCore
import NIOPosix

/// Owns every tenant's signing keys: creates, rotates and revokes them, and signs with the current one. Parsed keys
/// are cached per tenant, for at most `ringCapacity` tenants (the least recently used dropped first); rotation and
/// revocation in this process drop the cache at once, and a cached view never outlives `cacheInterval` or the end
/// of a grace period.
public final class SigningKeyService: Sendable {
    private let storage: any KeyStore & TenantStore & AuditLog
    private let clock: any AuthHeroClock
    private let cacheInterval: TimeInterval
    private let rings: ExpiringCache<String, TenantKeyRing>
    private let generation: NIOThreadPool

    /// Creates the service; `cacheInterval` bounds how long another process's rotation can go unseen, and new key
    /// pairs are generated on `generation` (``generationPool`` unless another is given).
    public init(
        storage: any KeyStore & TenantStore & AuditLog, clock: any AuthHeroClock, cacheInterval: TimeInterval = 30,
        ringCapacity: Int = 10_000, generation: NIOThreadPool = SigningKeyService.generationPool
    ) {
        self.storage = storage
        self.clock = clock
        self.cacheInterval = cacheInterval
        self.rings = ExpiringCache(clock: clock, lifetime: cacheInterval, capacity: ringCapacity)
        self.generation = generation
    }

    /// The process's pool for key generation. An RSA-2048 key pair takes hundreds of milliseconds of one core:
    /// run on Swift's cooperative pool, a few tenant creations at once would stall every request of the process.
    /// Its own pool (not NIO's shared one, nor the password pool) so that a burst of creations queues only behind
    /// itself.
    public static let generationPool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: System.coreCount)
        pool.start()
        return pool
    }()

    /// The tenant's keys as verifiers should see them now.
    public func keyRing(tenantID: String) async throws -> TenantKeyRing {
        let (cached, generation) = rings.lookup(tenantID)
        let now = clock.now()
        if let cached, cached.validUntil > now { return cached }
        let ring = try await TenantKeyRing.load(keys(tenantID: tenantID), now: now, cacheInterval: cacheInterval)
        // Not stored when a rotation or revocation in this process came after the read began.
        rings.remember(tenantID, ring, generation: generation)
        return ring
    }

    /// Every key of the tenant in any state, newest first, each with its certificate. A key stored before keys had
    /// certificates gets one here, on first use; when two requests race, the one stored first is kept and served.
    public func keys(tenantID: String) async throws -> [SigningKey] {
        let keys = try await storage.keys(tenantID: tenantID)
        let uncertified = keys.filter { $0.certificatePEM == nil }
        guard !uncertified.isEmpty else { return keys }
        for key in uncertified {
            let certificate = try SigningCertificate.issue(
                privateKeyPEM: key.privateKeyPEM, algorithm: key.algorithm, tenantID: tenantID,
                notBefore: key.createdAt)
            try await storage.storeCertificateIfAbsent(certificate.pem, kid: key.kid, tenantID: tenantID)
        }
        return try await storage.keys(tenantID: tenantID)
    }

    /// Creates a current key for `algorithm` unless the tenant already has one; returns the current `kid`.
    @discardableResult
    public func ensureCurrentKey(tenantID: String, algorithm: SigningAlgorithm = .rs256) async throws -> String {
        if let kid = try await keyRing(tenantID: tenantID).currentKeyIDs[algorithm] { return kid }
        return try await rotate(tenantID: tenantID, algorithm: algorithm, actor: "system")
    }

    /// Makes a new current key; the previous current key stays published (verifying, never signing) for the
    /// tenant's grace period. Returns the new `kid`.
    @discardableResult
    public func rotate(tenantID: String, algorithm: SigningAlgorithm = .rs256, actor: String) async throws -> String {
        guard let tenant = try await storage.tenant(tenantID) else { throw StorageError.notFound("tenant \(tenantID)") }
        let material = try await generation.runIfActive { try KeyMaterial.generate(algorithm) }
        let now = clock.now()
        let graceEnd = now + TimeInterval(tenant.settings.keyRotationGraceSeconds)
        let certificate = try SigningCertificate.issue(
            privateKeyPEM: material.privateKeyPEM, algorithm: algorithm, tenantID: tenantID, notBefore: now)
        let key = SigningKey(
            tenantID: tenantID, kid: material.publicJWK.kid, algorithm: algorithm,
            privateKeyPEM: material.privateKeyPEM, certificatePEM: certificate.pem, createdAt: now)
        try await storage.replaceCurrentKey(with: key, tenantID: tenantID) { old in
            var old = old
            old.status = .previous
            old.rotatedAt = now
            old.publishedUntil = graceEnd
            return old
        }
        invalidate(tenantID)
        try await storage.append(
            AuditEvent(
                tenantID: tenantID, occurredAt: now, actor: actor, action: "signing_key.rotated", target: key.kid),
            tenantID: tenantID)
        return key.kid
    }

    /// Withdraws a key at once: it leaves the JWKS and never signs again.
    public func revoke(tenantID: String, kid: String, actor: String) async throws {
        guard var key = try await keys(tenantID: tenantID).first(where: { $0.kid == kid }) else {
            throw StorageError.notFound("signing key \(kid)")
        }
        let now = clock.now()
        key.status = .revoked
        key.revokedAt = now
        try await storage.updateKey(key, tenantID: tenantID)
        invalidate(tenantID)
        try await storage.append(
            AuditEvent(tenantID: tenantID, occurredAt: now, actor: actor, action: "signing_key.revoked", target: kid),
            tenantID: tenantID)
    }

    /// Signs `payload` with the tenant's current key for `algorithm` (created on first use), header
    /// `{alg, kid, typ}`.
    public func sign(
        _ payload: some JWTPayload, tenantID: String, algorithm: SigningAlgorithm, type: String
    ) async throws -> String {
        var ring = try await keyRing(tenantID: tenantID)
        if ring.currentKeyIDs[algorithm] == nil {
            try await ensureCurrentKey(tenantID: tenantID, algorithm: algorithm)
            ring = try await keyRing(tenantID: tenantID)
        }
        guard let kid = ring.currentKeyIDs[algorithm] else { throw KeyMaterialError.unreadableKey }
        return try await ring.collection.sign(payload, kid: JWKIdentifier(string: kid), header: ["typ": .string(type)])
    }

    /// Drops the cached keys of a deleted tenant, so nothing it owned outlives it in memory.
    public func forget(tenantID: String) { invalidate(tenantID) }

    private func invalidate(_ tenantID: String) { rings.forget { key, _ in key == tenantID } }
}
