/// Why an imported password hash cannot be kept; each case carries the message the job's errors show.
public enum ImportedPasswordHashError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The algorithm is not one this server verifies (Auth0's `argon2` among them in a build without the `Argon2` trait).
    case unsupportedAlgorithm(String)
    /// The hash, salt or parameters do not parse for the algorithm.
    case malformed(String)

    public var description: String {
        switch self {
        case .unsupportedAlgorithm(let name) where name.lowercased() == "argon2":
            "The password hash algorithm argon2 is not supported by this build: enable the AuthHero package's Argon2 "
                + "trait (it links libargon2; apt install libargon2-dev)."
        case .unsupportedAlgorithm(let name): "The password hash algorithm \(name) is not supported."
        case .malformed(let reason): "The password hash is not valid: \(reason)"
        }
    }
}
