/// The DNS proof a tenant publishes for a custom domain: a TXT record named
/// `_authhero-challenge.{domain}` whose value is the domain's verification token. Only whoever controls the domain's
/// DNS can publish it, so a tenant can never claim another party's domain.
public struct CustomDomainChallenge: Sendable {
    /// The label in front of the domain where the TXT record lives.
    public static let recordLabel = "_authhero-challenge"

    private let verifier: any DomainVerifier

    /// A challenge checker looking records up through `verifier`.
    public init(verifier: any DomainVerifier) { self.verifier = verifier }

    /// The name of the TXT record to publish for `domain`.
    public static func recordName(for domain: String) -> String { "\(recordLabel).\(domain)" }

    /// What a check found.
    public enum Outcome: Sendable, Equatable {
        /// The record holds the token: the domain is proven.
        case proven
        /// No TXT record at the name holds the token; the message says what to publish.
        case recordMissing(String)
        /// The lookup could not be made on this server; the message says why.
        case lookupUnavailable(String)
    }

    /// Looks up the challenge record of `domain` and compares each value with its token exactly (a token inside a
    /// longer value does not count). The token is public (it is published in DNS), so a plain comparison is enough.
    public func check(_ domain: CustomDomain) async -> Outcome {
        let name = Self.recordName(for: domain.domain)
        do {
            let records = try await verifier.txtRecords(for: name)
            if records.contains(domain.verificationToken) { return .proven }
            return .recordMissing(
                "No TXT record at \(name) holds the verification token yet; publish a TXT record \(name) with the "
                    + "value \(domain.verificationToken), wait for DNS to update, and verify again.")
        } catch let error as DomainVerifierError {
            return .lookupUnavailable(error.description)
        } catch {
            return .lookupUnavailable("The DNS lookup of \(name) failed; try again later.")
        }
    }
}
