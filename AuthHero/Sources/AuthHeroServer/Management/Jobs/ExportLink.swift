import AuthHeroCore
import Crypto
import Foundation
import HTTPTypes

/// The `location` of a finished users export: a path that names the tenant and the job, an expiry, and an HMAC over
/// both, so the file can be fetched without a token (as Auth0's are) by whoever was given the link, and only until
/// it expires.
///
/// The HMAC key is derived (HKDF-SHA256) from the tenant's own signing keys, which every server process reads from
/// the same storage: a link handed out by one process opens on any other behind the load balancer, with no secret to
/// configure. A link made before a rotation keeps working while the previous key is published, and revoking a key
/// ends the links made with it.
struct ExportLink: Sendable {
    /// How long a link works.
    static let lifetime: TimeInterval = 10 * 60
    /// The path the links start with, outside `/api/v2` and its token check.
    static let pathPrefix = "export-files"

    let keys: SigningKeyService

    /// The path and query of a link to `job`'s file, valid until `now` + ``lifetime``.
    func path(for job: Job, now: Date) async throws -> String {
        var linkKeys = try await linkKeys(tenantID: job.tenantID, now: now)
        if linkKeys.isEmpty {
            // Every tenant is provisioned with a key; one whose keys were all revoked gets a new one, as signing would.
            _ = try await keys.ensureCurrentKey(tenantID: job.tenantID)
            linkKeys = try await self.linkKeys(tenantID: job.tenantID, now: now)
        }
        guard let key = linkKeys.first else {
            throw ManagementError(
                status: .serviceUnavailable, errorCode: "no_signing_key",
                message: "The tenant has no published signing key to sign the export link with; try again.")
        }
        let expires = Int(now.timeIntervalSince1970 + Self.lifetime)
        let file = Self.fileName(job)
        let code = HMAC<SHA256>.authenticationCode(
            for: Data(Self.message(job.tenantID, job.id, file, expires).utf8), using: key)
        let signature = Base64URL.encode(Data(code))
        return "/\(Self.pathPrefix)/\(job.tenantID)/\(job.id)/\(file)?expires=\(expires)&signature=\(signature)"
    }

    /// Whether `signature` was made for these values with one of the tenant's published keys and `expires` is still
    /// ahead of `now`.
    func accepts(tenantID: String, jobID: String, file: String, expires: Int, signature: String, now: Date)
        async throws -> Bool
    {
        guard Double(expires) > now.timeIntervalSince1970, let code = Self.bytes(base64URL: signature) else {
            return false
        }
        let message = Data(Self.message(tenantID, jobID, file, expires).utf8)
        // Compared as MACs, in constant time, against each key a link could have been made with.
        return try await linkKeys(tenantID: tenantID, now: now).contains {
            HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: message, using: $0)
        }
    }

    /// The file name of an export: Auth0's `<connection>.json.gz` or `.csv.gz`.
    static func fileName(_ job: Job) -> String {
        "users.\(job.options.format == .csv ? "csv" : "json").gz"
    }

    /// One link key per published signing key of the tenant, current keys first. Read from storage, not from the
    /// key ring's cache, so a rotation in another process is seen at once (export links are rare).
    private func linkKeys(tenantID: String, now: Date) async throws -> [SymmetricKey] {
        let published = try await keys.keys(tenantID: tenantID).filter { $0.isPublished(at: now) }
        return (published.filter { $0.status == .current } + published.filter { $0.status != .current }).map {
            HKDF<SHA256>.deriveKey(
                inputKeyMaterial: SymmetricKey(data: Data($0.privateKeyPEM.utf8)),
                salt: Data("authhero export link".utf8), info: Data("\(tenantID)\n\($0.kid)".utf8),
                outputByteCount: 32)
        }
    }

    private static func message(_ tenantID: String, _ jobID: String, _ file: String, _ expires: Int) -> String {
        [tenantID, jobID, file, String(expires)].joined(separator: "\n")
    }

    private static func bytes(base64URL: String) -> [UInt8]? {
        var text = base64URL.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        text += String(repeating: "=", count: (4 - text.count % 4) % 4)
        return Data(base64Encoded: text).map { [UInt8]($0) }
    }
}
