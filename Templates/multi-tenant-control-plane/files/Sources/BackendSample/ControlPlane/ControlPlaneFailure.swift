/// Why a call to the control plane did not produce what was asked; the message is safe to show (no tokens).
enum ControlPlaneFailure: Error, Equatable {
    /// No HTTP answer: connection refused, timeout, DNS.
    case unreachable(String)
    /// An HTTP answer outside 2xx.
    case refused(status: Int, message: String)
    /// A 2xx answer whose body is not what was expected.
    case unreadable(String)

    /// The message, whatever the case.
    var message: String {
        switch self {
        case .unreachable(let message), .refused(_, let message), .unreadable(let message): message
        }
    }

    /// The 502 answer for a failure of a call this service made on its own behalf.
    var asUpstreamError: BackendError {
        .upstream("The control plane could not serve this request: \(message).")
    }
}
