import AuthHeroCore

/// The services of interactive login, wired once per process over the runtime's storage, keys and clock.
public struct LoginServices: Sendable {
    public let validator: AuthorizationRequestValidator
    public let transactions: LoginTransactionStore
    public let authenticator: PasswordAuthenticator
    public let sessions: LoginSessions
    public let codes: AuthorizationCodeIssuer
    public let authorizationCodeGrant: AuthorizationCodeGrant
    public let refreshTokenGrant: RefreshTokenGrant

    /// Wires the login services; `passwordHasher` sets the bcrypt cost (tests lower it), `throttle` the limits.
    public init(
        storage: any AuthHeroStorage, keys: SigningKeyService, tokens: TokenIssuer, clock: any AuthHeroClock,
        passwordHasher: PasswordHasher, throttle: LoginThrottle.Policy
    ) {
        validator = AuthorizationRequestValidator(storage: storage)
        transactions = LoginTransactionStore(clock: clock)
        authenticator = PasswordAuthenticator(
            storage: storage, hasher: passwordHasher, throttle: LoginThrottle(policy: throttle, clock: clock),
            clock: clock)
        sessions = LoginSessions(storage: storage, clock: clock)
        codes = AuthorizationCodeIssuer(grants: storage, clock: clock)
        let userTokens = UserTokenIssuer(storage: storage, tokens: tokens, keys: keys, clock: clock)
        authorizationCodeGrant = AuthorizationCodeGrant(storage: storage, issuer: userTokens, clock: clock)
        refreshTokenGrant = RefreshTokenGrant(storage: storage, issuer: userTokens, clock: clock)
    }
}
