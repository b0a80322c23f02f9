/// What the control-plane seed made (or found): the values a project's `.env` needs.
public struct ControlPlaneSeedResult: Sendable, Equatable {
    /// The Portal SPA's client id (public client, PKCE).
    public var portalClientID: String
    /// The Backend Sample machine-to-machine client's id.
    public var backendSampleClientID: String
    /// The Backend Sample client's secret: only on the run that created the client (only its hash is stored).
    public var backendSampleClientSecret: String?
    /// The administrator's user id.
    public var adminUserID: String
    /// Whether this run created the administrator (and so used the given password).
    public var createdAdmin: Bool

    /// Creates a result.
    public init(
        portalClientID: String, backendSampleClientID: String, backendSampleClientSecret: String?, adminUserID: String,
        createdAdmin: Bool
    ) {
        self.portalClientID = portalClientID
        self.backendSampleClientID = backendSampleClientID
        self.backendSampleClientSecret = backendSampleClientSecret
        self.adminUserID = adminUserID
        self.createdAdmin = createdAdmin
    }
}
