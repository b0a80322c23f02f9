import Foundation

/// The `KEY=value` settings of a `.env` file, as `docker compose` and most `dotenv` libraries read them: blank lines
/// and `#` comments are skipped, an `export ` prefix is allowed, a value may be wrapped in single or double quotes,
/// and an unquoted value ends at ` #`.
enum DotEnvFile {
    /// The settings in the file at `path`; an absent file has none.
    static func load(path: String) throws(ConfigurationError) -> [String: String] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else { throw .unreadableFile(path) }
        return parse(text)
    }

    /// The settings in `text`; a line that is not `KEY=value` is ignored, a later line wins over an earlier one.
    static func parse(_ text: String) -> [String: String] {
        var settings: [String: String] = [:]
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)) }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard isValidKey(key) else { continue }
            settings[key] = value(line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces))
        }
        return settings
    }

    private static func value(_ raw: String) -> String {
        for quote in ["\"", "'"] where raw.count >= 2 && raw.hasPrefix(quote) && raw.hasSuffix(quote) {
            return String(raw.dropFirst().dropLast())
        }
        guard let comment = raw.range(of: " #") else { return raw }
        return raw[..<comment.lowerBound].trimmingCharacters(in: .whitespaces)
    }

    private static func isValidKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else { return false }
        return key.unicodeScalars.allSatisfy {
            $0 == "_" || ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0)
        }
    }
}
