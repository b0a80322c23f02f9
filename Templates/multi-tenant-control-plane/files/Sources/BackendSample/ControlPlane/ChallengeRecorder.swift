import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The session delegate of ``ControlPlaneClient``: it declines every HTTP authentication challenge and remembers
/// which request got one.
///
/// This client sends its credentials itself, so a challenge only ever means "the control plane answered 401 with
/// `WWW-Authenticate`". Without a delegate, Foundation on Linux never completes such a request; declining the
/// challenge completes it as cancelled instead, and the recorded status tells the client it was really a 401.
/// Requests are told apart by a per-request id header, since the async API does not expose the task.
final class ChallengeRecorder: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    /// The header carrying each request's id.
    static let requestIDHeader = "X-Request-ID"

    private let lock = NSLock()
    private var statuses: [String: Int] = [:]

    func urlSession(
        _ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
        completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void
    ) {
        if let id = task.originalRequest?.value(forHTTPHeaderField: Self.requestIDHeader) {
            let status = (challenge.failureResponse as? HTTPURLResponse)?.statusCode ?? 401
            lock.withLock { statuses[id] = status }
        }
        completionHandler(.cancelAuthenticationChallenge, nil)
    }

    /// The status of the challenge request `id` got, if any; forgets it.
    func takeStatus(of id: String) -> Int? {
        lock.withLock { statuses.removeValue(forKey: id) }
    }
}
