import AuthHeroCore
import AuthHeroVerify

/// The runtime's services wired once per process and shared by every route.
public struct AuthHeroServices: Sendable {
    public let storage: any AuthHeroStorage
    public let clock: any AuthHeroClock
    public let keys: SigningKeyService
    public let tokens: TokenIssuer
    public let resolver: TenantResolver
    public let clientCredentials: ClientCredentialsGrant
    public let clientAuthenticator: ClientAuthenticator
    /// Interactive login: authorization requests, login pages, sessions, user grants.
    public let login: LoginServices
    /// Creates, provisions and reconciles customer tenants.
    public let tenantProvisioner: TenantProvisioner
    /// The platform owner's multi-tenancy choices (creator role, quota, what is synced, internal rules).
    public let multiTenancy: MultiTenancyPlugin
    /// Creates and changes users for the Management API (password policy, hashing).
    public let users: UserAdministration
    /// Where routes report control-plane writes for sync to customer tenants (``controlPlaneSync`` unless another
    /// recorder was given).
    public let controlPlaneChanges: any ControlPlaneChangeRecorder
    /// The outbox processor that fans control-plane changes out to customer tenants. The app runs
    /// `controlPlaneSync.run()` next to its HTTP server; `tenantProvisioner.reconcile()` repairs everything at
    /// start-up and on demand.
    public let controlPlaneSync: ControlPlaneSync
    /// Checks the DNS TXT record that proves a tenant controls a custom domain (``DigDomainVerifier`` unless another
    /// ``DomainVerifier`` was given).
    public let customDomainChallenge: CustomDomainChallenge
    /// Runs every password hash and verification off the cooperative pool, at most so many at once.
    public let passwordHashing: PasswordHashing
    /// The proxies whose `X-Forwarded-For` names the client address (none unless configured).
    public let trustedProxies: TrustedProxies
    /// Public keys built for verifying bearer tokens, shared by the per-request verifiers.
    public let verificationKeys = VerificationKeyCache()
    /// Where removals, blocks and deletions are announced, so live-access caches (here and in other processes the
    /// implementation reaches) forget them.
    public let accessInvalidation: any AccessInvalidation
    /// Whether a Management API token's user or client still has access, remembered for a few seconds.
    public let liveAccess: LiveAccessCache
    /// Deletes processed outbox entries and old audit entries; the app runs `retention.run()` next to its server.
    public let retention: RetentionPruner
    /// Runs users import and export jobs off their requests; the app calls `jobs.resumeUnfinished()` at start.
    public let jobs: JobRunner
    /// Signs and checks the token-less links to finished exports.
    var exportLinks: ExportLink { ExportLink(keys: keys) }

    /// Wires the services over one storage and the platform's hosts.
    /// `passwordHasher` sets the bcrypt cost of user passwords and `maximumConcurrentHashes` how many run at once
    /// (beyond it a login or sign-up is answered 429), `loginThrottle` the brute-force limits counted in
    /// `throttleCounters` (in memory unless given), `loginTransactions` the bounds of the open login transactions
    /// kept in `loginTransactionStore` (in memory unless given), `trustedProxies` whose `X-Forwarded-For` is
    /// believed, `provisioning` how many tenant creations may be in progress, and
    /// `tenantQuotaPerUser` how many tenants one user may create (when no `multiTenancy` plugin is given).
    /// Control-plane changes go to the outbox of ``controlPlaneSync`` unless `controlPlaneChanges` names another
    /// recorder (e.g. `IgnoringControlPlaneChanges` for a single-tenant project). `domainVerifier` looks up the TXT
    /// records that prove custom domains (tests pass an in-memory one). `accessInvalidation` carries removals between
    /// processes (``InMemoryAccessInvalidation``, one process, unless another is given). `retention` says how long
    /// processed outbox entries and audit entries are kept.
    public init(
        storage: any AuthHeroStorage, hosts: PlatformHosts, clock: any AuthHeroClock = SystemClock(),
        passwordHasher: PasswordHasher = PasswordHasher(),
        maximumConcurrentHashes: Int = PasswordHashing.defaultMaximumConcurrent,
        loginThrottle: LoginThrottle.Policy = .init(), throttleCounters: (any ThrottleCounterStore)? = nil,
        loginTransactions: LoginTransactionLimits = .init(), loginTransactionStore: (any LoginTransactionStore)? = nil,
        trustedProxies: TrustedProxies = .none, provisioning: ProvisioningLimits = .init(),
        tenantQuotaPerUser: Int = 10, multiTenancy: MultiTenancyPlugin? = nil,
        controlPlaneChanges: (any ControlPlaneChangeRecorder)? = nil,
        domainVerifier: any DomainVerifier = DigDomainVerifier(),
        accessInvalidation: (any AccessInvalidation)? = nil, retention: RetentionPolicy = .init()
    ) {
        let accessInvalidation = accessInvalidation ?? InMemoryAccessInvalidation()
        self.accessInvalidation = accessInvalidation
        self.liveAccess = LiveAccessCache(clock: clock, invalidation: accessInvalidation)
        self.customDomainChallenge = CustomDomainChallenge(verifier: domainVerifier)
        let multiTenancy = multiTenancy ?? MultiTenancyPlugin(tenantQuotaPerUser: tenantQuotaPerUser)
        let sync = ControlPlaneSync(
            storage: storage, multiTenancy: multiTenancy, clock: clock, invalidation: accessInvalidation)
        self.multiTenancy = multiTenancy
        self.controlPlaneSync = sync
        self.controlPlaneChanges = controlPlaneChanges ?? sync
        self.storage = storage
        self.clock = clock
        self.keys = SigningKeyService(storage: storage, clock: clock)
        self.tokens = TokenIssuer(keys: keys, clock: clock)
        self.resolver = TenantResolver(
            hosts: hosts, tenants: storage,
            cache: TenantResolutionCache(clock: clock, invalidation: accessInvalidation))
        self.clientCredentials = ClientCredentialsGrant(
            storage: storage, issuer: tokens,
            cache: ClientCredentialsCache(clock: clock, invalidation: accessInvalidation))
        self.clientAuthenticator = ClientAuthenticator(clients: storage)
        let hashing = PasswordHashing(hasher: passwordHasher, maximumConcurrent: maximumConcurrentHashes)
        self.passwordHashing = hashing
        self.trustedProxies = trustedProxies
        self.login = LoginServices(
            storage: storage, keys: keys, tokens: tokens, clock: clock, passwordHashing: hashing,
            throttle: loginThrottle, throttleCounters: throttleCounters ?? InMemoryThrottleCounterStore(),
            transactions: loginTransactionStore
                ?? InMemoryLoginTransactionStore(limits: loginTransactions, clock: clock))
        self.users = UserAdministration(storage: storage, hashing: hashing, clock: clock)
        self.retention = RetentionPruner(
            storage: storage, policy: retention, clock: clock, outboxMaxAttempts: sync.maxAttempts)
        self.jobs = JobRunner(storage: storage, clock: clock)
        self.tenantProvisioner = TenantProvisioner(
            storage: storage, keys: keys, clock: clock, multiTenancy: multiTenancy, sync: sync, limits: provisioning)
    }
}
