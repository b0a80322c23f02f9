import Foundation

/// Turns text (from `--set`, the environment, a prompt or an answers file) into a typed, validated
/// answer for one variable.
public enum AnswerParser {
    /// The outcome of parsing one value.
    public enum Outcome: Equatable, Sendable {
        case valid(AnswerValue)
        /// `expected` says what a valid value looks like.
        case invalid(expected: String)
    }

    /// Parses `text` as a value of `variable`, checking type, choices and the validation rule.
    public static func parse(_ text: String, for variable: TemplateVariable) -> Outcome {
        switch variable.type {
        case .bool:
            switch text.lowercased() {
            case "true", "yes", "y", "1", "on": return .valid(.bool(true))
            case "false", "no", "n", "0", "off": return .valid(.bool(false))
            default: return .invalid(expected: "true or false")
            }
        case .int:
            guard let number = Int(text) else {
                return .invalid(expected: variable.validation?.message ?? "a whole number")
            }
            if let min = variable.validation?.min, number < min {
                return .invalid(expected: variable.validation!.message)
            }
            if let max = variable.validation?.max, number > max {
                return .invalid(expected: variable.validation!.message)
            }
            return .valid(.int(number))
        case .choice:
            let choices = variable.choices ?? []
            guard choices.contains(text) else { return .invalid(expected: "one of " + choices.joined(separator: ", ")) }
            return .valid(.string(text))
        case .string, .secret:
            if text.contains(where: \.isNewline) { return .invalid(expected: "a single line") }
            if let validation = variable.validation, let pattern = validation.pattern {
                guard text.range(of: "^(?:" + pattern + ")$", options: .regularExpression) != nil else {
                    return .invalid(expected: validation.message)
                }
            }
            return .valid(.string(text))
        }
    }
}
