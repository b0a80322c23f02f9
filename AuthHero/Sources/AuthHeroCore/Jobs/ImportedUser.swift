import Foundation

/// One entry of Auth0's bulk-import file, checked against Auth0's user schema: what becomes a ``User``, or every
/// reason it cannot, with Auth0's error codes and the member each concerns.
struct ImportedUser {
    var userID: String?
    var email: String
    var emailVerified: Bool
    var username: String?
    var name: String?
    var blocked: Bool
    var passwordHash: ImportedPasswordHash?
    var userMetadata: [String: String]
    var appMetadata: [String: String]

    /// Members Auth0's schema defines; anything else is refused, as Auth0's schema has no additional properties.
    static let members: Set<String> = [
        "email", "email_verified", "user_id", "username", "given_name", "family_name", "name", "nickname", "picture",
        "blocked", "password_hash", "custom_password_hash", "app_metadata", "user_metadata", "mfa_factors",
    ]

    /// Keys Auth0 reserves in `app_metadata`.
    static let reservedAppMetadata: Set<String> = [
        "__tenant", "_id", "blocked", "clientID", "created_at", "email_verified", "email", "globalClientID",
        "global_client_id", "identities", "lastIP", "lastLogin", "loginsCount", "metadata",
        "multifactor_last_modified", "multifactor", "updated_at", "user_id",
    ]

    /// Reads one entry; throws the reasons it cannot be imported.
    init(_ object: [String: JSONValue]) throws(ImportedUserRejection) {
        var reasons: [JobUserError.Reason] = []
        func string(_ key: String) -> String? {
            guard let value = object[key] else { return nil }
            guard case .string(let text) = value else {
                reasons.append(.init(code: "INVALID_TYPE", message: "Expected type string", path: key))
                return nil
            }
            return text
        }
        func boolean(_ key: String) -> Bool {
            guard let value = object[key] else { return false }
            guard case .bool(let flag) = value else {
                reasons.append(.init(code: "INVALID_TYPE", message: "Expected type boolean", path: key))
                return false
            }
            return flag
        }
        for key in object.keys.sorted() where !Self.members.contains(key) {
            reasons.append(
                .init(code: "OBJECT_ADDITIONAL_PROPERTIES", message: "Additional property \(key)", path: key))
        }
        let email = string("email")?.trimmingCharacters(in: .whitespaces).lowercased()
        if object["email"] == nil {
            reasons.append(
                .init(code: "OBJECT_MISSING_REQUIRED_PROPERTY", message: "Missing required property: email", path: ""))
        } else if let email, !PasswordAuthenticator.looksLikeEmail(email) {
            reasons.append(
                .init(code: "INVALID_FORMAT", message: "Object didn't pass validation for format email", path: "email"))
        }
        self.userID = string("user_id")
        self.emailVerified = boolean("email_verified")
        self.username = string("username")
        self.name = string("name")
        self.blocked = boolean("blocked")
        self.userMetadata = Self.metadata(object["user_metadata"], path: "user_metadata", reasons: &reasons)
        self.appMetadata = Self.metadata(object["app_metadata"], path: "app_metadata", reasons: &reasons)
        for key in appMetadata.keys.sorted() where Self.reservedAppMetadata.contains(key) {
            reasons.append(
                .init(
                    code: "INVALID_FORMAT", message: "app_metadata may not contain \(key)", path: "app_metadata.\(key)")
            )
        }
        var unsupportedAlgorithm: String?
        self.passwordHash = Self.hash(object, reasons: &reasons, unsupportedAlgorithm: &unsupportedAlgorithm)
        self.email = email ?? ""
        guard reasons.isEmpty else {
            throw ImportedUserRejection(
                reasons: reasons, unsupportedAlgorithm: reasons.count == 1 ? unsupportedAlgorithm : nil)
        }
    }

    /// Copies what the entry says onto `user` (a new one or the one already in the connection).
    func apply(to user: inout User, now: Date) {
        user.email = email
        user.emailVerified = emailVerified
        user.username = username ?? user.username
        user.name = name ?? user.name
        user.blocked = blocked
        user.passwordHash = passwordHash?.storedForm ?? user.passwordHash
        user.userMetadata.merge(userMetadata) { $1 }
        user.appMetadata.merge(appMetadata) { $1 }
        user.updatedAt = now
    }

    /// The user's id in this server when the file names one: Auth0 prefixes imported ids with the strategy
    /// (`auth0|`).
    var id: String? { userID.map { "auth0|" + $0 } }

    private static func hash(
        _ object: [String: JSONValue], reasons: inout [JobUserError.Reason], unsupportedAlgorithm: inout String?
    ) -> ImportedPasswordHash? {
        let plain = object["password_hash"]
        let custom = object["custom_password_hash"]
        if plain != nil, custom != nil {
            reasons.append(
                .init(
                    code: "INVALID_HASH", message: "password_hash and custom_password_hash exclude each other",
                    path: "custom_password_hash"))
            return nil
        }
        do throws(ImportedPasswordHashError) {
            if let plain {
                guard case .string(let text) = plain else {
                    reasons.append(.init(code: "INVALID_TYPE", message: "Expected type string", path: "password_hash"))
                    return nil
                }
                return try ImportedPasswordHash(passwordHash: text)
            }
            if let custom {
                guard let data = try? JSONEncoder().encode(custom),
                    let decoded = try? JSONDecoder().decode(CustomPasswordHash.self, from: data)
                else {
                    reasons.append(
                        .init(
                            code: "INVALID_TYPE",
                            message:
                                "custom_password_hash must be {algorithm, hash: {value, encoding}, salt?, password?}",
                            path: "custom_password_hash"))
                    return nil
                }
                return try ImportedPasswordHash(custom: decoded)
            }
        } catch {
            if case .unsupportedAlgorithm(let name) = error { unsupportedAlgorithm = name }
            let path =
                switch error {
                case .unsupportedAlgorithm: plain == nil ? "custom_password_hash.algorithm" : "password_hash"
                case .malformed: plain == nil ? "custom_password_hash.hash" : "password_hash"
                }
            reasons.append(.init(code: "INVALID_HASH", message: error.description, path: path))
        }
        return nil
    }

    /// Metadata as this server keeps it (string values): strings stay, other JSON values are kept as their JSON text.
    private static func metadata(_ value: JSONValue?, path: String, reasons: inout [JobUserError.Reason])
        -> [String: String]
    {
        guard let value else { return [:] }
        guard case .object(let object) = value else {
            reasons.append(.init(code: "INVALID_TYPE", message: "Expected type object", path: path))
            return [:]
        }
        var result: [String: String] = [:]
        for (key, member) in object {
            if case .string(let text) = member { result[key] = text } else { result[key] = member.jsonText }
        }
        return result
    }
}

/// Why an import entry was refused.
struct ImportedUserRejection: Error {
    let reasons: [JobUserError.Reason]
    /// The algorithm, when a hash this server does not verify is the only reason.
    var unsupportedAlgorithm: String?
}
