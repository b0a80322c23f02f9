import AuthHeroCore

/// The services of interactive login, wired once per process over the runtime's storage, keys and clock.
public struct LoginServices: Sendable {
    public let validator: AuthorizationRequestValidator
    public let transactions: any LoginTransactionStore
    public let authenticator: PasswordAuthenticator
    public let sessions: LoginSessions
    public let codes: AuthorizationCodeIssuer
    public let authorizationCodeGrant: AuthorizationCodeGrant
    public let refreshTokenGrant: RefreshTokenGrant

    /// Wires the login services: `passwordHashing` runs bcrypt (tests lower its cost), `throttle` sets the limits
    /// counted in `throttleCounters`, and `transactions` holds the open login transactions.
    public init(
        storage: any AuthHeroStorage, keys: SigningKeyService, tokens: TokenIssuer, clock: any AuthHeroClock,
        passwordHashing: PasswordHashing, throttle: LoginThrottle.Policy, throttleCounters: any ThrottleCounterStore,
        transactions: any LoginTransactionStore
    ) {
        validator = AuthorizationRequestValidator(storage: storage)
        self.transactions = transactions
        authenticator = PasswordAuthenticator(
            storage: storage, hashing: passwordHashing,
            throttle: LoginThrottle(policy: throttle, counters: throttleCounters, clock: clock), clock: clock)
        sessions = LoginSessions(storage: storage, clock: clock)
        codes = AuthorizationCodeIssuer(grants: storage, clock: clock)
        let userTokens = UserTokenIssuer(storage: storage, tokens: tokens, keys: keys, clock: clock)
        authorizationCodeGrant = AuthorizationCodeGrant(storage: storage, issuer: userTokens, clock: clock)
        refreshTokenGrant = RefreshTokenGrant(storage: storage, issuer: userTokens, clock: clock)
    }
}
