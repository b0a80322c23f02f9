import Foundation
import Scaffold

/// A one-line `create-authhero` command that reproduces (or, after a failure, completes) a run.
///
/// Secrets never appear in it: they are named through their environment variable instead.
struct ReproducingCommand {
    var directory: String?
    var name: String?
    var templateID: String?
    /// `--set` pairs in manifest order; values may be placeholders such as `<true|false>`.
    var assignments: [(String, String)] = []
    var useDefaults = false
    var force = false

    var line: String {
        var words = ["create-authhero"]
        words.append(directory.map(Self.quote) ?? "<directory>")
        if let name { words += ["--name", Self.quote(name)] }
        words += ["--template", templateID.map(Self.quote) ?? "<template>"]
        for (key, value) in assignments { words += ["--set", Self.quote("\(key)=\(value)")] }
        if useDefaults { words.append("--yes") }
        if force { words.append("--force") }
        words.append("--no-interactive")
        return words.joined(separator: " ")
    }

    /// Single-quotes a word for POSIX shells unless it is plainly safe.
    static func quote(_ word: String) -> String {
        let safe = word.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "-_./=@:,+".unicodeScalars.contains($0)
        }
        if safe, !word.isEmpty { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
