import Foundation

/// Where the portal's static files (HTML, CSS, ES modules) live; the control plane serves them at `/portal/`.
public struct PortalSite: Sendable {
    /// The path the portal is served under.
    public static let path = "/portal"

    /// The folder holding the portal's `index.html`, absolute so that the working directory never decides
    /// what is served.
    public let folder: String

    /// The portal in `folder`; a relative path is taken relative to `relativeTo` (the project's folder).
    public init(folder: String, relativeTo base: URL) {
        self.folder = URL(fileURLWithPath: folder, relativeTo: base).standardizedFileURL.path
    }

    /// Whether the folder has an `index.html` to serve.
    public var hasIndex: Bool {
        FileManager.default.fileExists(atPath: URL(fileURLWithPath: folder).appendingPathComponent("index.html").path)
    }

    /// The portal's Content-Security-Policy: scripts, styles and requests from the control plane's own origin only
    /// (no inline script, no remote origin); frames only for the silent-authentication iframe, which loads
    /// `/authorize` from the same origin; the portal itself is never framed.
    public static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
}
