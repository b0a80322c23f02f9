import Foundation

/// A condition on answers, as written in manifests: `name` (the answer is `true`), `!name`,
/// `name == value` or `name != value`. An absent answer is neither true nor equal to anything.
public struct Condition: Sendable, Equatable {
    enum Form: Equatable {
        case truthy(String)
        case falsy(String)
        case equals(String, String)
        case notEquals(String, String)
    }

    let form: Form

    /// Parses a condition; returns nil for text that is none of the four forms.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let range = trimmed.range(of: "!=") {
            form = .notEquals(Self.name(trimmed[..<range.lowerBound]), Self.name(trimmed[range.upperBound...]))
        } else if let range = trimmed.range(of: "==") {
            form = .equals(Self.name(trimmed[..<range.lowerBound]), Self.name(trimmed[range.upperBound...]))
        } else if trimmed.hasPrefix("!") {
            form = .falsy(Self.name(trimmed.dropFirst()))
        } else {
            form = .truthy(trimmed)
        }
        guard !variable.isEmpty, !variable.contains(where: { $0 == " " || $0 == "!" || $0 == "=" }) else { return nil }
    }

    /// The variable the condition reads.
    public var variable: String {
        switch form {
        case .truthy(let name), .falsy(let name), .equals(let name, _), .notEquals(let name, _): return name
        }
    }

    /// Evaluates the condition against answers.
    public func holds(in answers: [String: AnswerValue]) -> Bool {
        let value = answers[variable]
        switch form {
        case .truthy: return value == .bool(true)
        case .falsy: return value != .bool(true)
        case .equals(_, let expected): return value.map { $0.description == expected } ?? false
        case .notEquals(_, let expected): return value.map { $0.description != expected } ?? true
        }
    }

    private static func name(_ text: Substring) -> String {
        text.trimmingCharacters(in: .whitespaces)
    }
}
