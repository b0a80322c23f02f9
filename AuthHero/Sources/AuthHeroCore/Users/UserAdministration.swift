import Foundation

/// Creates and changes users on behalf of the Management API: the connection's password policy, bcrypt hashes,
/// one email per connection.
public struct UserAdministration: Sendable {
    /// What `POST /api/v2/users` asks for.
    public struct NewUser: Sendable {
        public var connection: String
        public var email: String
        public var password: String
        public var name: String?
        public var username: String?
        public var emailVerified: Bool
        public var blocked: Bool
        public var userMetadata: [String: String]
        public var appMetadata: [String: String]

        /// Creates a request for a new user.
        public init(
            connection: String, email: String, password: String, name: String? = nil, username: String? = nil,
            emailVerified: Bool = false, blocked: Bool = false, userMetadata: [String: String] = [:],
            appMetadata: [String: String] = [:]
        ) {
            self.connection = connection
            self.email = email
            self.password = password
            self.name = name
            self.username = username
            self.emailVerified = emailVerified
            self.blocked = blocked
            self.userMetadata = userMetadata
            self.appMetadata = appMetadata
        }
    }

    /// What `PATCH /api/v2/users/{id}` changes; nil leaves a field as it is, and a nil metadata value removes
    /// that key.
    public struct Changes: Sendable {
        public var email: String?
        public var password: String?
        public var name: String?
        public var username: String?
        public var emailVerified: Bool?
        public var blocked: Bool?
        public var userMetadata: [String: String?]
        public var appMetadata: [String: String?]

        /// Creates a set of changes.
        public init(
            email: String? = nil, password: String? = nil, name: String? = nil, username: String? = nil,
            emailVerified: Bool? = nil, blocked: Bool? = nil, userMetadata: [String: String?] = [:],
            appMetadata: [String: String?] = [:]
        ) {
            self.email = email
            self.password = password
            self.name = name
            self.username = username
            self.emailVerified = emailVerified
            self.blocked = blocked
            self.userMetadata = userMetadata
            self.appMetadata = appMetadata
        }
    }

    private let storage: any UserStore & ConnectionStore
    private let hashing: PasswordHashing
    private let clock: any AuthHeroClock

    /// Creates the service over the tenant stores; passwords are hashed through `hashing` (off the cooperative
    /// pool; a full pool throws ``PasswordHashingError/busy``).
    public init(storage: any UserStore & ConnectionStore, hashing: PasswordHashing, clock: any AuthHeroClock) {
        self.storage = storage
        self.hashing = hashing
        self.clock = clock
    }

    /// Creates a user in a database connection; throws ``UserAdministrationError``.
    public func create(_ new: NewUser, tenantID: String) async throws -> User {
        let connection = try await databaseConnection(new.connection, tenantID: tenantID)
        let email = try Self.normalized(email: new.email)
        try policyCheck(new.password, email: email, connection: connection)
        let passwordHash = try await hashing.hash(new.password)
        let user = User(
            tenantID: tenantID, id: RandomToken.identifier(prefix: "auth0|", length: 24), connection: connection.name,
            email: email, emailVerified: new.emailVerified, username: new.username, name: new.name,
            passwordHash: passwordHash, userMetadata: new.userMetadata, appMetadata: new.appMetadata,
            blocked: new.blocked, createdAt: clock.now())
        do {
            try await storage.createUser(user, tenantID: tenantID)
        } catch StorageError.conflict {
            throw UserAdministrationError.emailTaken
        }
        return user
    }

    /// Applies `changes` to user `userID` and returns the stored result; throws ``UserAdministrationError``.
    public func update(_ userID: String, _ changes: Changes, tenantID: String) async throws -> User {
        guard var user = try await storage.user(userID, tenantID: tenantID) else {
            throw UserAdministrationError.notFound
        }
        if let email = changes.email {
            user.email = try Self.normalized(email: email)
        }
        if let password = changes.password {
            let connection = try await databaseConnection(user.connection, tenantID: tenantID)
            try policyCheck(password, email: user.email ?? "", connection: connection)
            user.passwordHash = try await hashing.hash(password)
        }
        user.name = changes.name ?? user.name
        user.username = changes.username ?? user.username
        user.emailVerified = changes.emailVerified ?? user.emailVerified
        user.blocked = changes.blocked ?? user.blocked
        for (key, value) in changes.userMetadata { user.userMetadata[key] = value }
        for (key, value) in changes.appMetadata { user.appMetadata[key] = value }
        user.updatedAt = clock.now()
        do {
            try await storage.updateUser(user, tenantID: tenantID)
        } catch StorageError.conflict {
            throw UserAdministrationError.emailTaken
        } catch StorageError.notFound {
            // Deleted by another request since it was read.
            throw UserAdministrationError.notFound
        }
        return user
    }

    private func databaseConnection(_ name: String, tenantID: String) async throws -> Connection {
        guard let connection = try await storage.connections(tenantID: tenantID).first(where: { $0.name == name }),
            connection.strategy == "auth0"
        else { throw UserAdministrationError.unknownConnection(name) }
        return connection
    }

    private func policyCheck(_ password: String, email: String, connection: Connection) throws {
        do {
            try PasswordPolicy(connection: connection).check(password: password, email: email)
        } catch .weakPassword(let rule) {
            throw UserAdministrationError.weakPassword(rule)
        } catch {
            throw UserAdministrationError.weakPassword(error.description)
        }
    }

    private static func normalized(email: String) throws -> String {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard PasswordAuthenticator.looksLikeEmail(email) else { throw UserAdministrationError.invalidEmail }
        return email
    }
}
