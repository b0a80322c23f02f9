import AuthHeroCore

/// The generated project's `.env`: where it listens and the seed's client credentials, read by `serve`, the
/// Backend Sample and the README's curl examples. Never holds the administrator's password.
public struct EnvironmentFile: Sendable, Equatable {
    public let projectName: String
    public let port: String
    public let baseURL: String
    public let portalCallbackURL: String
    public let seed: ControlPlaneSeedResult
    /// The Backend Sample's port, when the project has the sample.
    public let backendSamplePort: String?
    /// Where tenants' rows live (`STORAGE`): `shared` or `database-per-tenant`.
    public let storage: String

    /// The file's text, one `KEY=value` per line.
    public var text: String {
        var lines = [
            "# Local settings for \(projectName), written by create-authhero; never commit this file.",
            "# development: localhost and 127.0.0.1 also reach the control plane; leave it out on a server.",
            "ENVIRONMENT=development",
            "PORT=\(port)",
            "BASE_URL=\(baseURL)",
            "AUTH_ISSUER=\(baseURL)",
            "STORAGE=\(storage)",
            "PORTAL_CLIENT_ID=\(seed.portalClientID)",
            "PORTAL_CALLBACK_URL=\(portalCallbackURL)",
            "BACKEND_SAMPLE_CLIENT_ID=\(seed.backendSampleClientID)",
            "BACKEND_SAMPLE_CLIENT_SECRET=\(seed.backendSampleClientSecret ?? "")",
        ]
        if let backendSamplePort { lines.append("BACKEND_SAMPLE_PORT=\(backendSamplePort)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
