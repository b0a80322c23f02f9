import AuthHeroCore
import Foundation

/// TXT records held in memory, so custom-domain verification is tested without any network: a test "publishes" a
/// record with ``publish(_:at:)``.
final class InMemoryDomainVerifier: DomainVerifier, @unchecked Sendable {
    private let lock = NSLock()
    private var records: [String: [String]] = [:]

    /// Adds a TXT record `value` at `name`.
    func publish(_ value: String, at name: String) { lock.withLock { records[name, default: []].append(value) } }

    func txtRecords(for name: String) async throws -> [String] { lock.withLock { records[name] ?? [] } }
}
