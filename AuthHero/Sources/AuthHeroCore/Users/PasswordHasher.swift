import HummingbirdBcrypt

/// bcrypt for user passwords (slow on purpose, unlike `SecretDigest` for random secrets).
public struct PasswordHasher: Sendable {
    /// The bcrypt cost; tests may lower it, production keeps the default.
    public var cost: UInt8

    /// Creates a hasher with the given bcrypt cost.
    public init(cost: UInt8 = 12) { self.cost = cost }

    /// Hashes a password with a fresh salt.
    public func hash(_ password: String) -> String { Bcrypt.hash(password, cost: cost) }

    /// Whether `password` matches a stored hash: the server's bcrypt, or an ``ImportedPasswordHash`` a bulk import
    /// kept until the user's first login.
    public func verify(_ password: String, hash: String) -> Bool {
        if let imported = ImportedPasswordHash(stored: hash) { return imported.verify(password) }
        return Bcrypt.verify(password, hash: hash)
    }

    /// Whether a stored hash is an imported kind that a successful login replaces with the server's bcrypt.
    public func needsRehash(_ hash: String) -> Bool { ImportedPasswordHash(stored: hash)?.needsRehash ?? false }
}
