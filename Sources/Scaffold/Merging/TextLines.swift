/// Text split into lines, each keeping its own terminator, so that joining the lines gives back
/// the exact bytes (a missing final newline included).
public struct TextLines: Sendable, Equatable {
    /// The lines, each ending in `\n` except possibly the last.
    public let lines: [Substring]

    /// Splits `text` after every `\n`.
    public init(_ text: String) {
        var lines: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if text[index] == "\n" {
                lines.append(text[start..<next])
                start = next
            }
            index = next
        }
        if start < text.endIndex { lines.append(text[start...]) }
        self.lines = lines
    }
}
