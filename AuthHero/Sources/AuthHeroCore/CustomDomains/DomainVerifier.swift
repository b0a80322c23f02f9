/// Looks up DNS TXT records, so a tenant can prove it controls a custom domain. Injected through
/// `AuthHeroServices`: production uses ``DigDomainVerifier``, tests an in-memory table (no network).
public protocol DomainVerifier: Sendable {
    /// The TXT records published at `name` (each record's strings joined), empty when there are none. Throws
    /// ``DomainVerifierError/unavailable(_:)`` when this machine cannot look records up at all.
    func txtRecords(for name: String) async throws -> [String]
}

/// Why a TXT lookup could not be made; distinct from "no record", which is an empty answer.
public enum DomainVerifierError: Error, Equatable, CustomStringConvertible {
    /// DNS lookups are not possible here (no resolver tool, no network); the message says what to do.
    case unavailable(String)

    public var description: String {
        switch self {
        case .unavailable(let reason): "DNS TXT records cannot be looked up on this server: \(reason)"
        }
    }
}
