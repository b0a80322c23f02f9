import Foundation

/// Logs people in and signs them up against the tenant's database connection (strategy `auth0`), with bcrypt
/// hashes off the cooperative pool (``PasswordHashing``) and every attempt throttled before its hash is computed.
public struct PasswordAuthenticator: Sendable {
    private let storage: any UserStore & ConnectionStore
    private let hashing: PasswordHashing
    private let throttle: LoginThrottle
    private let clock: any AuthHeroClock
    /// Verified against when the e-mail is unknown, so an unknown account costs the same time as a wrong password.
    private let decoyHash: String

    /// Creates the authenticator; hashing the decoy takes one bcrypt round at the hasher's cost.
    public init(
        storage: any UserStore & ConnectionStore, hashing: PasswordHashing, throttle: LoginThrottle,
        clock: any AuthHeroClock
    ) {
        self.storage = storage
        self.hashing = hashing
        self.throttle = throttle
        self.clock = clock
        self.decoyHash = hashing.hasher.hash(RandomToken.make())
    }

    /// The user whose e-mail and password match; throws `LoginError.invalidCredentials` (one answer for an unknown
    /// e-mail, a wrong password and a blocked user), `.throttled` or `.busy`.
    public func logIn(email: String, password: String, clientAddress: String, tenantID: String) async throws -> User {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        try await throttle.admit(.login, tenantID: tenantID, account: email, address: clientAddress)
        let connection = try await databaseConnection(tenantID: tenantID)
        let user = try await storage.user(email: email, connection: connection.name, tenantID: tenantID)
        let matches = try await Self.loginError {
            try await hashing.verify(password, hash: user?.passwordHash ?? decoyHash)
        }
        guard var user, matches, !user.blocked else { throw LoginError.invalidCredentials }
        try await throttle.succeeded(.login, tenantID: tenantID, account: email, address: clientAddress)
        if let stored = user.passwordHash, hashing.hasher.needsRehash(stored) {
            user = try await rehashed(user, password: password, tenantID: tenantID)
        }
        return user
    }

    /// Replaces an imported hash with the server's bcrypt once the password is known to match, as Auth0 does, so the
    /// weaker imported digest stops being the one that guards the account.
    private func rehashed(_ user: User, password: String, tenantID: String) async throws -> User {
        var user = user
        user.passwordHash = try await Self.loginError { try await hashing.hash(password) }
        user.updatedAt = clock.now()
        try await storage.updateUser(user, tenantID: tenantID)
        return user
    }

    /// Creates a user in the database connection, unless sign-up is disabled there (`disable_signup` option), the
    /// password breaks the connection's policy, or the address has used up its sign-ups.
    public func signUp(email: String, password: String, clientAddress: String, tenantID: String) async throws -> User {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        let connection = try await databaseConnection(tenantID: tenantID)
        guard connection.options["disable_signup"] != "true" else { throw LoginError.signupDisabled }
        guard Self.looksLikeEmail(email) else { throw LoginError.invalidEmail }
        try PasswordPolicy(connection: connection).check(password: password, email: email)
        try await throttle.admit(.signup, tenantID: tenantID, account: email, address: clientAddress)
        let passwordHash = try await Self.loginError { try await hashing.hash(password) }
        let user = User(
            tenantID: tenantID, id: RandomToken.identifier(prefix: "auth0|", length: 24), connection: connection.name,
            email: email, passwordHash: passwordHash, createdAt: clock.now())
        do {
            try await storage.createUser(user, tenantID: tenantID)
        } catch StorageError.conflict {
            throw LoginError.signupFailed
        }
        try await throttle.succeeded(.signup, tenantID: tenantID, account: email, address: clientAddress)
        return user
    }

    /// A full hashing pool reads as a login error, so the page can answer it like any other.
    private static func loginError<Result>(_ work: () async throws -> Result) async throws -> Result {
        do {
            return try await work()
        } catch PasswordHashingError.busy(let retryAfter) {
            throw LoginError.busy(retryAfter: retryAfter)
        }
    }

    /// The tenant's username-password connection; without one, nobody can log in with a password.
    private func databaseConnection(tenantID: String) async throws -> Connection {
        guard
            let connection = try await storage.connections(tenantID: tenantID).first(where: { $0.strategy == "auth0" })
        else { throw LoginError.invalidCredentials }
        return connection
    }

    /// A light shape check (`local@domain.tld`); the address is proven only by a verification mail.
    public static func looksLikeEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !parts[1].hasSuffix(".") && email.count <= 254 && !email.contains(where: \.isWhitespace)
    }
}
