/// What the control-plane seed needs to know about the deployment it seeds.
public struct ControlPlaneSeedSettings: Sendable {
    /// The control plane's public base URL with a trailing slash (`http://localhost:3000/`); the Portal's
    /// callback and logout URL are `<baseURL>portal/` and its web origin the base URL without the slash.
    public var baseURL: String
    /// The first administrator's email address.
    public var adminEmail: String
    /// The administrator's password, hashed with ``passwordHasher`` and never stored in clear; used only when
    /// the administrator does not exist yet.
    public var adminPassword: String
    /// The bcrypt cost of the administrator's password.
    public var passwordHasher: PasswordHasher
    /// The email of an account that exists already and is to be made the administrator (`--promote-existing`);
    /// nil promotes only an account the seed creates itself.
    public var promoteExisting: String?

    /// Creates the settings.
    public init(
        baseURL: String, adminEmail: String, adminPassword: String, passwordHasher: PasswordHasher = .init(),
        promoteExisting: String? = nil
    ) {
        self.promoteExisting = promoteExisting
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.adminEmail = adminEmail
        self.adminPassword = adminPassword
        self.passwordHasher = passwordHasher
    }

    /// The portal's page, served by the control plane: where the Portal SPA receives its authorization codes and
    /// where logout returns.
    public var portalURL: String { baseURL + "portal/" }

    /// The Portal's callback and logout URLs as seeds before the portal page existed wrote them; a later seed
    /// replaces exactly these with ``portalURL``.
    var formerPortalDefaults: (callbacks: [String], logoutURLs: [String]) { ([baseURL + "callback"], [baseURL]) }

    /// The Portal's web origin (CORS and `web_message`): an origin has no path, and `web_message` compares origins.
    public var portalOrigin: String { String(baseURL.dropLast()) }
}
