import Crypto
import CryptoExtras
import HummingbirdBcrypt

/// A password hash brought from another system by a bulk import: bcrypt, which the server keeps as it is, or one of
/// Auth0's `custom_password_hash` algorithms, kept in a PHC-like ``storedForm`` until the user's first login
/// re-hashes the password with the server's bcrypt (as Auth0 does).
public enum ImportedPasswordHash: Sendable, Equatable {
    /// A bcrypt hash in the `$2a$` or `$2b$` form HummingbirdBcrypt verifies.
    case bcrypt(String)
    /// PBKDF2-HMAC, as Auth0 takes it: `$pbkdf2-sha256$i=<iterations>,l=<key length>$<salt>$<hash>`.
    case pbkdf2(digest: Digest, iterations: Int, salt: [UInt8], hash: [UInt8])
    /// One round of a digest over the password with an optional salt before or after it.
    case salted(SaltedDigest)
    /// argon2 in its PHC string form, verified by libargon2 when the package's `Argon2` trait is enabled.
    case argon2(Argon2Hash)

    /// The digests the imported algorithms use.
    public enum Digest: String, Sendable, CaseIterable {
        case md5, sha1, sha256, sha512
    }

    /// A plain digest of salt and password, Auth0's `md5`, `sha1`, `sha256` and `sha512` algorithms.
    public struct SaltedDigest: Sendable, Equatable {
        public var digest: Digest
        public var salt: [UInt8]
        /// True when the salt goes after the password (Auth0's `suffix`).
        public var saltAfterPassword: Bool
        /// Auth0's `password.encoding`: how the password was turned into bytes.
        public var passwordEncoding: String
        public var hash: [UInt8]
    }

    /// Iteration counts beyond this are refused at import: one login would hold a hashing slot for seconds.
    public static let maximumPBKDF2Iterations = 5_000_000
    /// bcrypt costs beyond this are refused at import for the same reason.
    public static let maximumBcryptCost = 16

    /// Parses Auth0's `password_hash` field, which holds bcrypt only. `$2y$` (PHP's name for the same algorithm)
    /// is relabelled `$2b$`, the label HummingbirdBcrypt accepts.
    public init(passwordHash: String) throws(ImportedPasswordHashError) {
        self = .bcrypt(try Self.bcrypt(passwordHash))
    }

    /// Parses Auth0's `custom_password_hash` object.
    public init(custom: CustomPasswordHash) throws(ImportedPasswordHashError) {
        let algorithm = custom.algorithm.lowercased()
        let passwordEncoding = custom.password?.encoding ?? "utf8"
        guard HashEncoding.isPasswordEncoding(passwordEncoding) else {
            throw .malformed("password.encoding \(passwordEncoding) is not one of utf8, ascii, latin1, utf16le.")
        }
        switch algorithm {
        case "bcrypt":
            try Self.refuseSalt(custom, algorithm)
            self = .bcrypt(try Self.bcrypt(custom.hash.value))
        case "pbkdf2":
            try Self.refuseSalt(custom, algorithm)
            self = try Self.pbkdf2(phc: custom.hash.value)
        case "argon2":
            guard Argon2Hash.isAvailable else { throw .unsupportedAlgorithm(custom.algorithm) }
            try Self.refuseSalt(custom, algorithm)
            self = .argon2(try Argon2Hash(phc: custom.hash.value))
        default:
            guard let digest = Digest(rawValue: algorithm) else { throw .unsupportedAlgorithm(custom.algorithm) }
            self = .salted(try Self.saltedDigest(digest, custom, passwordEncoding: passwordEncoding))
        }
    }

    /// Reads a hash the server stored with ``storedForm``; nil for anything else (the server's own bcrypt hashes
    /// among them, which are verified as bcrypt).
    public init?(stored: String) {
        if stored.hasPrefix("$pbkdf2-"), let parsed = try? Self.pbkdf2(phc: stored) {
            self = parsed
        } else if stored.hasPrefix("$argon2"), let parsed = try? Argon2Hash(phc: stored) {
            self = .argon2(parsed)
        } else if let parsed = Self.storedSaltedDigest(stored) {
            self = .salted(parsed)
        } else {
            return nil
        }
    }

    /// The string kept in the user's password hash column.
    public var storedForm: String {
        switch self {
        case .bcrypt(let hash): hash
        case .pbkdf2(let digest, let iterations, let salt, let hash):
            "$pbkdf2-\(digest.rawValue)$i=\(iterations),l=\(hash.count)$\(HashEncoding.phcBase64(salt))$"
                + HashEncoding.phcBase64(hash)
        case .salted(let salted):
            "$salted-\(salted.digest.rawValue)$p=\(salted.passwordEncoding),s=\(salted.saltAfterPassword ? "suffix" : "prefix")$"
                + "\(HashEncoding.phcBase64(salted.salt))$\(HashEncoding.phcBase64(salted.hash))"
        case .argon2(let argon2): argon2.encoded
        }
    }

    /// Whether a successful login should replace this hash with the server's bcrypt.
    public var needsRehash: Bool {
        if case .bcrypt = self { return false }
        return true
    }

    /// Whether `password` is the one this hash was made from.
    public func verify(_ password: String) -> Bool {
        switch self {
        case .bcrypt(let hash):
            return Bcrypt.verify(password, hash: hash)
        case .pbkdf2(let digest, let iterations, let salt, let hash):
            guard
                let key = try? KDF.Insecure.PBKDF2.deriveKey(
                    from: Array(password.utf8), salt: salt, using: digest.pbkdf2, outputByteCount: hash.count,
                    unsafeUncheckedRounds: iterations)
            else { return false }
            return HashEncoding.constantTimeEqual(key.withUnsafeBytes { Array($0) }, hash)
        case .salted(let salted):
            guard let bytes = HashEncoding.password(password, encoding: salted.passwordEncoding) else { return false }
            let input = salted.saltAfterPassword ? bytes + salted.salt : salted.salt + bytes
            return HashEncoding.constantTimeEqual(salted.digest.hash(input), salted.hash)
        case .argon2(let argon2):
            return argon2.verify(password)
        }
    }

    private static func bcrypt(_ value: String) throws(ImportedPasswordHashError) -> String {
        let bytes = Array(value.utf8)
        guard bytes.count == 60, value.hasPrefix("$2"), bytes[3] == UInt8(ascii: "$"), bytes[6] == UInt8(ascii: "$"),
            let cost = Int(String(decoding: bytes[4..<6], as: UTF8.self))
        else { throw .malformed("a bcrypt hash is 60 characters: $2b$<cost>$<salt and hash>.") }
        guard (4...maximumBcryptCost).contains(cost) else {
            throw .malformed("bcrypt cost \(cost) is outside 4...\(maximumBcryptCost).")
        }
        switch bytes[2] {
        case UInt8(ascii: "a"), UInt8(ascii: "b"): return value
        case UInt8(ascii: "y"): return "$2b" + value.dropFirst(3)
        default: throw .malformed("only the bcrypt variants $2a$, $2b$ and $2y$ are accepted.")
        }
    }

    private static func pbkdf2(phc: String) throws(ImportedPasswordHashError) -> Self {
        let parts = phc.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].isEmpty, parts[1].hasPrefix("pbkdf2-") else {
            throw .malformed("pbkdf2 takes a PHC string: $pbkdf2-sha256$i=<iterations>,l=<length>$<salt>$<hash>.")
        }
        let name = String(parts[1].dropFirst("pbkdf2-".count))
        guard let digest = Digest(rawValue: name), digest != .md5 else {
            throw .unsupportedAlgorithm("pbkdf2-\(name)")
        }
        var parameters: [String: Int] = [:]
        for pair in parts[2].split(separator: ",") {
            let keyValue = pair.split(separator: "=", maxSplits: 1)
            guard keyValue.count == 2, let number = Int(keyValue[1]) else {
                throw .malformed("pbkdf2 parameters are i=<iterations>,l=<key length>.")
            }
            parameters[String(keyValue[0])] = number
        }
        guard let iterations = parameters["i"], (1...maximumPBKDF2Iterations).contains(iterations) else {
            throw .malformed("pbkdf2 needs i=<iterations> between 1 and \(maximumPBKDF2Iterations).")
        }
        guard let salt = HashEncoding.phcBytes(String(parts[3])), let hash = HashEncoding.phcBytes(String(parts[4])),
            !hash.isEmpty, hash.count == parameters["l"] ?? hash.count
        else { throw .malformed("the pbkdf2 salt and hash must be base64, the hash as long as l.") }
        return .pbkdf2(digest: digest, iterations: iterations, salt: salt, hash: hash)
    }

    private static func saltedDigest(_ digest: Digest, _ custom: CustomPasswordHash, passwordEncoding: String)
        throws(ImportedPasswordHashError) -> SaltedDigest
    {
        let hashEncoding = custom.hash.encoding ?? "hex"
        guard hashEncoding != "utf8", let hash = HashEncoding.bytes(custom.hash.value, encoding: hashEncoding),
            hash.count == digest.length
        else { throw .malformed("the \(digest.rawValue) hash must be \(digest.length) bytes in hex or base64.") }
        var salt: [UInt8] = []
        var saltAfterPassword = false
        if let given = custom.salt {
            guard let bytes = HashEncoding.bytes(given.value, encoding: given.encoding ?? "utf8") else {
                throw .malformed("salt.value does not decode as \(given.encoding ?? "utf8").")
            }
            switch given.position ?? "prefix" {
            case "prefix": saltAfterPassword = false
            case "suffix": saltAfterPassword = true
            default: throw .malformed("salt.position must be prefix or suffix.")
            }
            salt = bytes
        }
        return SaltedDigest(
            digest: digest, salt: salt, saltAfterPassword: saltAfterPassword, passwordEncoding: passwordEncoding,
            hash: hash)
    }

    private static func storedSaltedDigest(_ stored: String) -> SaltedDigest? {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].isEmpty, parts[1].hasPrefix("salted-"),
            let digest = Digest(rawValue: String(parts[1].dropFirst("salted-".count)))
        else { return nil }
        var parameters: [String: String] = [:]
        for pair in parts[2].split(separator: ",") {
            let keyValue = pair.split(separator: "=", maxSplits: 1)
            if keyValue.count == 2 { parameters[String(keyValue[0])] = String(keyValue[1]) }
        }
        guard let encoding = parameters["p"], HashEncoding.isPasswordEncoding(encoding),
            let position = parameters["s"], ["prefix", "suffix"].contains(position),
            let salt = HashEncoding.phcBytes(String(parts[3])), let hash = HashEncoding.phcBytes(String(parts[4])),
            hash.count == digest.length
        else { return nil }
        return SaltedDigest(
            digest: digest, salt: salt, saltAfterPassword: position == "suffix", passwordEncoding: encoding, hash: hash)
    }

    private static func refuseSalt(_ custom: CustomPasswordHash, _ algorithm: String) throws(ImportedPasswordHashError)
    {
        // Auth0's schema: bcrypt and pbkdf2 carry their salt inside hash.value, so a separate salt is an error.
        guard custom.salt == nil else { throw .malformed("\(algorithm) takes its salt inside hash.value.") }
        guard (custom.hash.encoding ?? "utf8") == "utf8" else {
            throw .malformed("\(algorithm) takes hash.encoding utf8.")
        }
    }
}

extension ImportedPasswordHash.Digest {
    /// The digest's output length in bytes.
    var length: Int {
        switch self {
        case .md5: Insecure.MD5.byteCount
        case .sha1: Insecure.SHA1.byteCount
        case .sha256: SHA256.byteCount
        case .sha512: SHA512.byteCount
        }
    }

    func hash(_ bytes: [UInt8]) -> [UInt8] {
        switch self {
        case .md5: Array(Insecure.MD5.hash(data: bytes))
        case .sha1: Array(Insecure.SHA1.hash(data: bytes))
        case .sha256: Array(SHA256.hash(data: bytes))
        case .sha512: Array(SHA512.hash(data: bytes))
        }
    }

    var pbkdf2: KDF.Insecure.PBKDF2.HashFunction {
        switch self {
        case .md5: .insecureMD5
        case .sha1: .insecureSHA1
        case .sha256: .sha256
        case .sha512: .sha512
        }
    }
}
