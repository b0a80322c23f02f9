#if Argon2
    import CArgon2
#endif

/// An argon2 hash in the PHC string form Auth0's `custom_password_hash` takes
/// (`$argon2id$v=19$m=<KiB>,t=<iterations>,p=<lanes>$<salt>$<hash>`). The string is checked here and verified by the
/// reference implementation (`libargon2`), which this package links only with its `Argon2` trait enabled: projects
/// that never import argon2 hashes need no extra system library.
public struct Argon2Hash: Sendable, Equatable {
    /// The three argon2 variants.
    public enum Variant: String, Sendable, CaseIterable {
        case argon2d, argon2i, argon2id
    }

    public let variant: Variant
    /// The PHC string, kept as it was given: libargon2 reads its parameters back from it.
    public let encoded: String

    /// Memory costs beyond this (KiB) are refused at import: every concurrent login would hold that much.
    public static let maximumMemoryKiB = 262_144
    /// Iteration counts beyond this are refused at import: one login would hold a hashing slot for seconds.
    public static let maximumIterations = 16
    /// Lane counts beyond this are refused at import.
    public static let maximumParallelism = 16

    /// Whether this build verifies argon2 (the package's `Argon2` trait). Without it an argon2 hash is an unsupported
    /// algorithm at import, reported per user.
    public static var isAvailable: Bool {
        #if Argon2
            true
        #else
            false
        #endif
    }

    /// Parses and bounds a PHC string; each refusal says what is wrong.
    public init(phc: String) throws(ImportedPasswordHashError) {
        var parts = phc.split(separator: "$", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5 || parts.count == 6, parts[0].isEmpty, let variant = Variant(rawValue: parts[1]) else {
            throw .malformed(
                "argon2 takes a PHC string: $argon2id$v=19$m=<KiB>,t=<iterations>,p=<lanes>$<salt>$<hash>.")
        }
        if parts.count == 6 {
            guard parts[2] == "v=19" || parts[2] == "v=16" else {
                throw .malformed("argon2 versions are v=16 and v=19.")
            }
            parts.remove(at: 2)
        }
        let parameters = Self.parameters(parts[2])
        guard let memory = parameters["m"], let iterations = parameters["t"], let lanes = parameters["p"],
            parameters.count == 3
        else { throw .malformed("argon2 parameters are m=<KiB>,t=<iterations>,p=<lanes>.") }
        guard (1...Self.maximumParallelism).contains(lanes), (1...Self.maximumIterations).contains(iterations),
            (8 * lanes...Self.maximumMemoryKiB).contains(memory)
        else {
            throw .malformed(
                "argon2 needs p in 1...\(Self.maximumParallelism), t in 1...\(Self.maximumIterations) and m in "
                    + "8×p...\(Self.maximumMemoryKiB) KiB.")
        }
        guard let salt = HashEncoding.phcBytes(parts[3]), salt.count >= 8,
            let hash = HashEncoding.phcBytes(parts[4]), hash.count >= 4
        else { throw .malformed("the argon2 salt (at least 8 bytes) and hash (at least 4) must be base64.") }
        self.variant = variant
        self.encoded = phc
    }

    /// Whether `password` (as UTF-8) is the one this hash was made from; always false in a build without argon2.
    public func verify(_ password: String) -> Bool {
        #if Argon2
            let bytes = Array(password.utf8)
            return argon2_verify(encoded, bytes, bytes.count, variant.type) == ARGON2_OK.rawValue
        #else
            return false
        #endif
    }

    private static func parameters(_ text: String) -> [String: Int] {
        var parameters: [String: Int] = [:]
        for pair in text.split(separator: ",") {
            let keyValue = pair.split(separator: "=", maxSplits: 1)
            guard keyValue.count == 2, let number = Int(keyValue[1]) else { return [:] }
            parameters[String(keyValue[0])] = number
        }
        return parameters
    }
}

#if Argon2
    extension Argon2Hash.Variant {
        fileprivate var type: argon2_type {
            switch self {
            case .argon2d: Argon2_d
            case .argon2i: Argon2_i
            case .argon2id: Argon2_id
            }
        }
    }
#endif
