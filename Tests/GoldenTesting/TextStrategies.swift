import Foundation

extension GoldenStrategy where Value == String {
    /// A text compared with the golden file at `file`.
    public static func text(file: URL) -> Self {
        Self { text, recording in
            if recording {
                try FileManager.default.createDirectory(
                    at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: file)
                return nil
            }
            let recorded = try? String(contentsOf: file, encoding: .utf8)
            guard recorded != text else { return nil }
            let missing = recorded == nil ? "no golden file at \(file.path)\n" : ""
            return missing + goldenDiff(recorded: recorded, actual: text, path: file.lastPathComponent)
        }
    }
}

extension GoldenStrategy where Value == URL {
    /// A SQLite database, given by its path, compared as a ``CanonicalDump`` with the golden file at `file`.
    /// `knownValues` maps values that are random in every run to the placeholder the dump shows instead.
    public static func sqlDump(file: URL, knownValues: [String: String]) -> Self {
        Self { database, recording in
            let dump = try CanonicalDump(knownValues: knownValues).dump(path: database.path)
            return try GoldenStrategy<String>.text(file: file).compare(dump, recording)
        }
    }
}
