import Foundation
import JWTKit

/// Keys fetched from an issuer's JWKS URL and cached.
///
/// The set is cached for `ttl`. A token with an unknown `kid` asks for a refresh, which fetches again at most once
/// per `minimumRefetchInterval`, so a flood of tokens with made-up `kid`s cannot turn into a flood of requests to
/// the issuer. A failed fetch is also remembered for that interval: callers get the same error without a new request.
/// Concurrent callers share one request.
public actor RemoteJWKSSource: JWKSSource {
    /// The JWKS URL, e.g. `https://tenant.example.com/.well-known/jwks.json`.
    public let url: URL
    private let ttl: Duration
    private let minimumRefetchInterval: Duration
    private let fetcher: any JWKSFetcher
    private let elapsed: @Sendable () -> Duration

    private var cached: (keys: JWKS, fetchedAt: Duration)?
    private var lastAttempt: Duration?
    private var lastFailure: TokenVerificationError?
    private var inFlight: Task<JWKS, any Error>?

    /// Creates a source for `url`; nothing is fetched until the first key lookup.
    ///
    /// - Parameters:
    ///   - ttl: how long a fetched set is used without asking the issuer again.
    ///   - minimumRefetchInterval: the least time between two requests, whatever the reason.
    ///   - fetcher: how bytes are downloaded; tests inject one that counts calls.
    ///   - clock: measures `ttl` and the interval; tests inject a manual clock.
    public init(
        url: URL,
        ttl: Duration = .seconds(600),
        minimumRefetchInterval: Duration = .seconds(30),
        fetcher: any JWKSFetcher = URLSessionJWKSFetcher(),
        clock: any Clock<Duration> = ContinuousClock()
    ) {
        self.url = url
        self.ttl = ttl
        self.minimumRefetchInterval = minimumRefetchInterval
        self.fetcher = fetcher
        self.elapsed = Self.stopwatch(clock)
    }

    /// The cached set while it is fresh; otherwise (or on `refresh`) a new fetch unless one happened within the
    /// minimum interval.
    public func keySet(refresh: Bool) async throws -> JWKS {
        let now = elapsed()
        if let cached, !refresh, isFresh(cached, at: now) {
            return cached.keys
        }
        let fetch: Task<JWKS, any Error>
        if let inFlight {
            fetch = inFlight
        } else if let lastAttempt, now - lastAttempt < minimumRefetchInterval {
            if let cached, isFresh(cached, at: now) { return cached.keys }
            if let lastFailure { throw lastFailure }
            if let cached { return cached.keys }
            fetch = startFetch(at: now)
        } else {
            fetch = startFetch(at: now)
        }
        do {
            return try await fetch.value
        } catch {
            // A failed refresh (after an unknown kid) keeps a still-fresh set in use.
            if let cached, isFresh(cached, at: elapsed()) { return cached.keys }
            throw error
        }
    }

    private func isFresh(_ cached: (keys: JWKS, fetchedAt: Duration), at now: Duration) -> Bool {
        now - cached.fetchedAt < ttl
    }

    /// Starts the one request every concurrent caller awaits; it records its outcome on this actor.
    private func startFetch(at now: Duration) -> Task<JWKS, any Error> {
        lastAttempt = now
        let task = Task {
            defer { inFlight = nil }
            do throws(TokenVerificationError) {
                let keys = try await Self.download(url, with: fetcher)
                cached = (keys, now)
                lastFailure = nil
                return keys
            } catch {
                lastFailure = error
                throw error
            }
        }
        inFlight = task
        return task
    }

    private static func download(_ url: URL, with fetcher: any JWKSFetcher) async throws(TokenVerificationError) -> JWKS
    {
        let data: Data
        do {
            data = try await fetcher.fetch(url)
        } catch let error as TokenVerificationError {
            throw error
        } catch {
            throw .keysUnavailable("could not fetch \(url.absoluteString): \(error)")
        }
        return try JWKSDocument.decode(data, from: url)
    }

    /// Measures time as a `Duration` since creation, so any `Clock<Duration>` (whatever its `Instant`) can drive
    /// the cache.
    private static func stopwatch<C: Clock<Duration>>(_ clock: C) -> @Sendable () -> Duration {
        let start = clock.now
        return { start.duration(to: clock.now) }
    }
}
