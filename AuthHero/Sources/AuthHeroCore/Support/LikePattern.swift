import Foundation

/// SQL `LIKE` patterns built from user text, for every storage: the text matches as itself, never as wildcards.
public enum LikePattern {
    /// `text` with LIKE's wildcards and the escape character (`\`) escaped; use with `ESCAPE '\'`.
    public static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
