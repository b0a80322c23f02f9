import Foundation

/// This service's own access token for one audience, fetched with client credentials and reused until shortly
/// before it expires, so a busy internal route does not ask the token endpoint on every request.
///
/// Concurrent callers share one request to the token endpoint.
actor MachineTokenCache {
    /// A token this close to its expiry is replaced, so it cannot expire on its way to the control plane.
    static let renewalMargin: TimeInterval = 60

    private let fetch: @Sendable () async throws(ControlPlaneFailure) -> MachineToken
    private let now: @Sendable () -> Date
    private var cached: MachineToken?
    private var inFlight: Task<MachineToken, any Error>?

    /// A cache over `fetch`, which asks the token endpoint for a new token.
    init(
        now: @escaping @Sendable () -> Date = { Date() },
        fetch: @escaping @Sendable () async throws(ControlPlaneFailure) -> MachineToken
    ) {
        self.fetch = fetch
        self.now = now
    }

    /// A cache of `clientID`'s tokens for `audience` from `controlPlane`.
    init(controlPlane: ControlPlaneClient, clientID: String, clientSecret: String, audience: String) {
        self.init { () throws(ControlPlaneFailure) in
            try await controlPlane.clientCredentialsToken(
                clientID: clientID, clientSecret: clientSecret, audience: audience)
        }
    }

    /// The cached token while it is valid for longer than the margin, otherwise a new one.
    func token() async throws(ControlPlaneFailure) -> String {
        if let cached, cached.expiresAt.timeIntervalSince(now()) > Self.renewalMargin {
            return cached.value
        }
        let task: Task<MachineToken, any Error>
        if let inFlight {
            task = inFlight
        } else {
            task = Task { [fetch] in try await fetch() }
            inFlight = task
        }
        defer { inFlight = nil }
        do {
            let token = try await task.value
            cached = token
            return token.value
        } catch let failure as ControlPlaneFailure {
            throw failure
        } catch {
            throw .unreachable("the token request was cancelled")
        }
    }
}
