import OpenAPIKit

/// The body of `PATCH /api/v2/connections/{id}`: the database connection's sign-up switch and password policy.
/// `null` removes a setting (the level, or the connection's own minimum length), as Auth0 does.
struct UpdateConnectionBody: ManagementBody {
    static let schemaName = "UpdateConnection"
    static let shape =
        #"{"options": {"disable_signup"?: bool, "passwordPolicy"?: "none"|"low"|"fair"|"good"|"excellent"|null, "#
        + #""password_complexity_options"?: {"min_length"?: 1-72|null}}} ("password_policy" is accepted for "#
        + #""passwordPolicy")"#
    static var schema: JSONSchema {
        let level = JSONSchema.string(
            required: false, nullable: true, allowedValues: ["none", "low", "fair", "good", "excellent", nil])
        return SpecSchema.strictBody([
            "options": .object(
                required: false,
                properties: [
                    "disable_signup": .boolean(required: false),
                    "passwordPolicy": level,
                    "password_policy": level.with(description: "Accepted for passwordPolicy."),
                    "password_complexity_options": .object(
                        required: false,
                        properties: [
                            "min_length": .integer(
                                required: false, nullable: true, maximum: (72, exclusive: false),
                                minimum: (1, exclusive: false))
                        ]),
                ])
        ])
    }

    let options: OptionsBody?
}

/// `options` of ``UpdateConnectionBody``; each setting is absent (unchanged), null (removed) or a value.
struct OptionsBody: Decodable, Sendable {
    let disableSignup: Bool?
    let passwordPolicy: Setting<String>
    let minimumLength: Setting<Int>

    enum Members: String, CodingKey {
        case disableSignup = "disable_signup"
        case passwordPolicy
        case passwordPolicySnakeCase = "password_policy"
        case complexity = "password_complexity_options"
    }

    enum ComplexityMembers: String, CodingKey {
        case minLength = "min_length"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Members.self)
        disableSignup = try container.decodeIfPresent(Bool.self, forKey: .disableSignup)
        let camel = try Setting<String>(container, .passwordPolicy)
        let snake = try Setting<String>(container, .passwordPolicySnakeCase)
        guard camel == .unchanged || snake == .unchanged || camel == snake else {
            throw DecodingError.dataCorruptedError(
                forKey: .passwordPolicySnakeCase, in: container,
                debugDescription: "passwordPolicy and password_policy disagree")
        }
        passwordPolicy = camel == .unchanged ? snake : camel
        guard container.contains(.complexity), try !container.decodeNil(forKey: .complexity) else {
            minimumLength = .unchanged
            return
        }
        let complexity = try container.superDecoder(forKey: .complexity)
        minimumLength = try Setting<Int>(try complexity.container(keyedBy: ComplexityMembers.self), .minLength)
    }
}

/// A setting in a PATCH body: left alone, removed (`null`), or set.
enum Setting<Value: Decodable & Equatable & Sendable>: Equatable, Sendable {
    case unchanged
    case removed
    case set(Value)

    init<Key: CodingKey>(_ container: KeyedDecodingContainer<Key>, _ key: Key) throws {
        if !container.contains(key) {
            self = .unchanged
        } else if try container.decodeNil(forKey: key) {
            self = .removed
        } else {
            self = .set(try container.decode(Value.self, forKey: key))
        }
    }
}
