/// What the server needs to know at start-up.
struct ServerConfiguration: Sendable {
    /// The name users see on the login page.
    let displayName: String
    /// The port the server listens on.
    let port: Int
    /// One of debug, info, warning, error.
    let logLevel: String
}
