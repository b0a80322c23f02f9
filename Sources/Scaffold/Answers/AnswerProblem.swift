/// One reason a set of answers cannot be used, named after the variable it concerns.
public struct AnswerProblem: Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Equatable, Sendable {
        /// A required variable has no value and no default could be taken.
        case missing
        /// A value was given for a name the template does not declare.
        case unknown
        /// The value does not satisfy the variable's type, choices or validation rule.
        case invalid(value: String, expected: String)
    }

    /// The variable's name, as used in `--set NAME=VALUE`.
    public let variable: String
    /// What is wrong with it.
    public let kind: Kind

    /// Creates a problem report for `variable`.
    public init(variable: String, kind: Kind) {
        self.variable = variable
        self.kind = kind
    }

    public var description: String {
        switch kind {
        case .missing: return "missing value for '\(variable)'"
        case .unknown: return "unknown variable '\(variable)'"
        case .invalid(let value, let expected):
            return "invalid value '\(value)' for '\(variable)': expected \(expected)"
        }
    }
}
