/// The resolved answers of one run: every applicable variable's value, secrets included.
///
/// Secrets are kept apart so that nothing recorded or rendered into hashed files can contain them.
public struct Answers: Equatable, Sendable {
    /// Non-secret values by variable name; these are recorded in the answers file.
    public let values: [String: AnswerValue]
    /// Secret values by variable name; never recorded, only rendered into `artifact` files.
    public let secrets: [String: String]

    /// Creates answers; used by the resolver and by tests with fixed inputs.
    public init(values: [String: AnswerValue], secrets: [String: String] = [:]) {
        self.values = values
        self.secrets = secrets
    }
}
