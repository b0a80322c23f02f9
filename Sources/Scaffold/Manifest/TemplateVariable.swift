/// One question a template asks, with its type, default, validation and condition.
public struct TemplateVariable: Codable, Equatable, Sendable {
    /// The kinds of value a variable can hold.
    public enum Kind: String, Codable, Sendable {
        case string, bool, choice, secret, int
    }

    /// A rule a value must satisfy beyond its type, and the message shown when it does not.
    public struct Validation: Codable, Equatable, Sendable {
        /// A regular expression the whole value must match (strings and secrets).
        public let pattern: String?
        /// Inclusive bounds (ints).
        public let min: Int?
        public let max: Int?
        /// What a valid value looks like, e.g. "an email address like admin@example.com".
        public let message: String

        public init(pattern: String? = nil, min: Int? = nil, max: Int? = nil, message: String) {
            self.pattern = pattern
            self.min = min
            self.max = max
            self.message = message
        }
    }

    /// The name used in Mustache (`{{admin_email}}`), `--set admin_email=...` and answers files.
    public let name: String
    /// The kind of value, which decides parsing and prompting.
    public let type: Kind
    /// The question, as shown in prompts, `--help` and `list`.
    public let description: String
    /// The value taken by `--yes` or an empty interactive answer.
    public let `default`: AnswerValue?
    /// Allowed values of a `choice` variable, in display order.
    public let choices: [String]?
    /// A rule beyond the type, with the message shown when a value breaks it.
    public let validation: Validation?
    /// When the variable applies (see ``Condition``); a variable whose condition is false is not
    /// asked and is absent when rendering.
    public let condition: String?
    /// Whether a value must be given. Defaults to true; a variable with a default is never missing.
    public let required: Bool
    /// For optional secrets: a random value is generated when none is given. Such values exist only
    /// while rendering `artifact` files, so generated output stays deterministic.
    public let generateWhenAbsent: Bool

    public init(
        name: String, type: Kind, description: String, default: AnswerValue? = nil,
        choices: [String]? = nil, validation: Validation? = nil, condition: String? = nil,
        required: Bool = true, generateWhenAbsent: Bool = false
    ) {
        self.name = name
        self.type = type
        self.description = description
        self.default = `default`
        self.choices = choices
        self.validation = validation
        self.condition = condition
        self.required = required
        self.generateWhenAbsent = generateWhenAbsent
    }

    private enum CodingKeys: String, CodingKey {
        case name, type, description, `default`, choices, validation, condition, required, generateWhenAbsent
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        type = try container.decode(Kind.self, forKey: .type)
        description = try container.decode(String.self, forKey: .description)
        `default` = try container.decodeIfPresent(AnswerValue.self, forKey: .default)
        choices = try container.decodeIfPresent([String].self, forKey: .choices)
        validation = try container.decodeIfPresent(Validation.self, forKey: .validation)
        condition = try container.decodeIfPresent(String.self, forKey: .condition)
        required = try container.decodeIfPresent(Bool.self, forKey: .required) ?? true
        generateWhenAbsent = try container.decodeIfPresent(Bool.self, forKey: .generateWhenAbsent) ?? false
    }

    /// The environment variable that may carry this variable's value (`CREATE_AUTHHERO_ADMIN_PASSWORD`).
    public var environmentName: String { "CREATE_AUTHHERO_" + name.uppercased() }

    /// A placeholder describing the expected value, for suggested commands (`<true|false>`).
    public var placeholder: String {
        switch type {
        case .bool: return "<true|false>"
        case .choice: return "<" + (choices ?? []).joined(separator: "|") + ">"
        case .int: return "<number>"
        case .string, .secret: return "<\(name)>"
        }
    }
}
