/// A path pattern for file rules: `*` matches within one path component, `**` matches any number
/// of components (including none), `?` one character; everything else matches itself.
public struct Glob: Sendable, Equatable {
    /// The pattern as written in the manifest.
    public let pattern: String

    public init(_ pattern: String) {
        self.pattern = pattern
    }

    /// Whether `path` (slash-separated, relative) matches the whole pattern.
    public func matches(_ path: String) -> Bool {
        Self.match(
            pattern.split(separator: "/", omittingEmptySubsequences: false)[...],
            path.split(separator: "/", omittingEmptySubsequences: false)[...])
    }

    private static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
        guard let head = pattern.first else { return path.isEmpty }
        if head == "**" {
            let rest = pattern.dropFirst()
            return (path.startIndex...path.endIndex).contains { match(rest, path[$0...]) }
        }
        guard let component = path.first, matchComponent(Array(head), Array(component)) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    private static func matchComponent(_ pattern: [Character], _ text: [Character]) -> Bool {
        var memo: [[Bool?]] = Array(repeating: Array(repeating: nil, count: text.count + 1), count: pattern.count + 1)
        func go(_ p: Int, _ t: Int) -> Bool {
            if let known = memo[p][t] { return known }
            let result: Bool
            if p == pattern.count {
                result = t == text.count
            } else if pattern[p] == "*" {
                result = go(p + 1, t) || (t < text.count && go(p, t + 1))
            } else if t < text.count && (pattern[p] == "?" || pattern[p] == text[t]) {
                result = go(p + 1, t + 1)
            } else {
                result = false
            }
            memo[p][t] = result
            return result
        }
        return go(0, 0)
    }
}
