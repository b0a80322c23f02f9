import AuthHeroCore
import Foundation

/// The settings every command reads: the process environment over the `KEY=value` lines of `.env` in the current
/// directory (comments and blank lines ignored), so that `swift run` works without exporting anything.
struct AppEnvironment: Sendable {
    /// The merged values.
    let values: [String: String]

    /// Reads `.env` (when present) and the process environment.
    init(environment: [String: String] = ProcessInfo.processInfo.environment, dotEnvPath: String = ".env") {
        let text = (try? String(contentsOfFile: dotEnvPath, encoding: .utf8)) ?? ""
        values = Self.parse(text).merging(environment) { _, process in process }
    }

    /// Fixed values, for tests.
    init(values: [String: String]) {
        self.values = values
    }

    subscript(key: String) -> String? {
        values[key].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `KEY=value` lines; a value may be wrapped in single or double quotes.
    static func parse(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=") else { continue }
            let key = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
            var value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            values[key] = value
        }
        return values
    }

    /// The port the server listens on: `PORT`, else the port chosen at generation.
    var port: Int { self["PORT"].flatMap(Int.init) ?? {{port}} }

    /// The public base URL, the control plane's issuer: `BASE_URL`, else `http://localhost:<port>/`.
    func baseURL(port: Int? = nil) -> String {
        self["BASE_URL"] ?? "http://localhost:\(port ?? self.port)/"
    }

    /// The reverse proxies whose `X-Forwarded-For` names the client address that throttles count by:
    /// `TRUSTED_PROXIES`, comma-separated CIDR blocks (e.g. `10.0.0.0/8,fd00::/8`), else none.
    var trustedProxies: String { self["TRUSTED_PROXIES"] ?? "" }

    /// Whether this is a development machine: `ENVIRONMENT=development` (as the generated `.env` says). Only then do
    /// `localhost` and `127.0.0.1` also reach the control plane whatever `BASE_URL` names; unset or anything else is
    /// production, where only `BASE_URL`'s host does.
    var isDevelopment: Bool { self["ENVIRONMENT"]?.lowercased() == "development" }

    /// How long processed sync outbox entries and audit entries are kept: `OUTBOX_RETENTION_DAYS` (default 7) and
    /// `AUDIT_RETENTION_DAYS` (default 90), whole days of at least 1.
    func retention() throws -> RetentionPolicy {
        var policy = RetentionPolicy()
        for (key, keep) in [("OUTBOX_RETENTION_DAYS", \RetentionPolicy.outbox), ("AUDIT_RETENTION_DAYS", \.audit)] {
            guard let text = self[key] else { continue }
            guard let days = Int(text), days >= 1, days <= 36_500 else {
                throw CommandError(
                    "\(key) must be a whole number of days from 1 to 36500, e.g. \(key)=30; it is \"\(text)\".")
            }
            policy[keyPath: keep] = .seconds(days * 86_400)
        }
        return policy
    }

    /// The portal's static files: `PORTAL_FOLDER`, else `web/portal`; a relative path is taken from the project's
    /// folder (``ProjectFolder``). Set an absolute path where the binary runs without its sources.
    var portalFolder: String { self["PORTAL_FOLDER"] ?? "web/portal" }

    /// The SQLite file: `DATABASE_PATH`, else `data/control-plane.sqlite`.
    var databasePath: String { self["DATABASE_PATH"] ?? "data/control-plane.sqlite" }
}
