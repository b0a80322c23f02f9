/// A typed answer: what a variable holds after parsing and validation.
///
/// Encoded as the plain JSON scalar (`"x"`, `true`, `3000`) so answers files read naturally.
public enum AnswerValue: Equatable, Hashable, Sendable, Codable, CustomStringConvertible {
    case string(String)
    case bool(Bool)
    case int(Int)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        }
    }

    /// The value as typed on a command line (`--set NAME=<this>`).
    public var description: String {
        switch self {
        case .string(let value): return value
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        }
    }

    /// The value handed to Mustache.
    var mustacheValue: Any {
        switch self {
        case .string(let value): return value
        case .bool(let value): return value
        case .int(let value): return value
        }
    }
}
