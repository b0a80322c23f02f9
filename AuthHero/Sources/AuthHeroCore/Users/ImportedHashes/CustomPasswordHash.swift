/// Auth0's bulk-import `custom_password_hash` object, as the import file spells it
/// (https://auth0.com/docs/manage-users/user-migration/bulk-user-import-database-schema-and-examples).
public struct CustomPasswordHash: Codable, Sendable, Equatable {
    /// A value and how its bytes are written (`base64`, `hex` or `utf8`).
    public struct EncodedValue: Codable, Sendable, Equatable {
        public var value: String
        public var encoding: String?

        /// Creates an encoded value.
        public init(value: String, encoding: String? = nil) {
            self.value = value
            self.encoding = encoding
        }
    }

    /// The salt, its encoding and whether it goes before (`prefix`) or after (`suffix`) the password.
    public struct Salt: Codable, Sendable, Equatable {
        public var value: String
        public var encoding: String?
        public var position: String?

        /// Creates a salt description.
        public init(value: String, encoding: String? = nil, position: String? = nil) {
            self.value = value
            self.encoding = encoding
            self.position = position
        }
    }

    /// How the password's characters were turned into bytes before hashing.
    public struct PasswordEncoding: Codable, Sendable, Equatable {
        public var encoding: String?

        /// Creates a password encoding.
        public init(encoding: String? = nil) { self.encoding = encoding }
    }

    public var algorithm: String
    public var hash: EncodedValue
    public var salt: Salt?
    public var password: PasswordEncoding?

    /// Creates the object as an import file would hold it.
    public init(algorithm: String, hash: EncodedValue, salt: Salt? = nil, password: PasswordEncoding? = nil) {
        self.algorithm = algorithm
        self.hash = hash
        self.salt = salt
        self.password = password
    }
}
