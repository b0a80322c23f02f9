import AuthHeroCore
import Crypto
import Foundation

/// The `location` of a finished users export: a path that names the tenant and the job, an expiry, and an HMAC over
/// both, so the file can be fetched without a token (as Auth0's are) by whoever was given the link, and only until
/// it expires. The key is made per process: a link is short-lived, and `GET /api/v2/jobs/{id}` hands out a fresh one.
struct ExportLink: Sendable {
    /// How long a link works.
    static let lifetime: TimeInterval = 10 * 60
    /// The path the links start with, outside `/api/v2` and its token check.
    static let pathPrefix = "export-files"

    private let key: SymmetricKey

    /// Creates a signer with a fresh random key.
    init(key: SymmetricKey = SymmetricKey(size: .bits256)) { self.key = key }

    /// The path and query of a link to `job`'s file, valid until `now` + ``lifetime``.
    func path(for job: Job, now: Date) -> String {
        let expires = Int(now.timeIntervalSince1970 + Self.lifetime)
        let file = Self.fileName(job)
        let signature = sign(tenantID: job.tenantID, jobID: job.id, file: file, expires: expires)
        return "/\(Self.pathPrefix)/\(job.tenantID)/\(job.id)/\(file)?expires=\(expires)&signature=\(signature)"
    }

    /// Whether `signature` was made by this signer for these values and `expires` is still ahead of `now`.
    func accepts(tenantID: String, jobID: String, file: String, expires: Int, signature: String, now: Date) -> Bool {
        guard Double(expires) > now.timeIntervalSince1970 else { return false }
        guard let code = Self.bytes(base64URL: signature) else { return false }
        // Compared as MACs, in constant time.
        return HMAC<SHA256>.isValidAuthenticationCode(
            code, authenticating: Data(Self.message(tenantID, jobID, file, expires).utf8), using: key)
    }

    /// The file name of an export: Auth0's `<connection>.json.gz` or `.csv.gz`.
    static func fileName(_ job: Job) -> String {
        "users.\(job.options.format == .csv ? "csv" : "json").gz"
    }

    private func sign(tenantID: String, jobID: String, file: String, expires: Int) -> String {
        Base64URL.encode(
            Data(
                HMAC<SHA256>.authenticationCode(
                    for: Data(Self.message(tenantID, jobID, file, expires).utf8), using: key)))
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
