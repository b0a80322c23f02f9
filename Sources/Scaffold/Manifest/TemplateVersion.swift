/// A template version, `major.minor.patch` (any number of dotted numbers), ordered numerically.
public struct TemplateVersion: Comparable, Sendable, CustomStringConvertible {
    /// The numbers, trailing zeros dropped so that `1.2` equals `1.2.0`.
    let parts: [Int]
    /// The version as written.
    public let description: String

    /// Parses `text`; nil unless it is dotted non-negative numbers.
    public init?(_ text: String) {
        let numbers = text.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        guard !numbers.isEmpty, numbers.allSatisfy({ ($0 ?? -1) >= 0 }) else { return nil }
        var parts = numbers.map { $0! }
        while parts.last == 0 { parts.removeLast() }
        self.parts = parts
        description = text
    }

    public static func == (lhs: TemplateVersion, rhs: TemplateVersion) -> Bool { lhs.parts == rhs.parts }

    public static func < (lhs: TemplateVersion, rhs: TemplateVersion) -> Bool {
        lhs.parts.lexicographicallyPrecedes(rhs.parts)
    }
}
