import Foundation
import Logging

/// Deletes what ``RetentionPolicy`` no longer keeps: processed outbox entries and old audit entries of every
/// tenant. ``prune()`` is one pass (the `prune` command); ``run()`` prunes every ``RetentionPolicy/interval`` next to
/// the server. Passes are idempotent, so several processes pruning the same database only repeat each other.
public struct RetentionPruner: Sendable {
    public let policy: RetentionPolicy
    private let storage: any AuthHeroStorage
    private let clock: any AuthHeroClock
    private let outboxMaxAttempts: Int
    private let logger: Logger

    /// Prunes `storage` by `policy`; `outboxMaxAttempts` is the outbox processor's, beyond which a pending entry is
    /// abandoned to reconcile.
    public init(
        storage: any AuthHeroStorage, policy: RetentionPolicy, clock: any AuthHeroClock, outboxMaxAttempts: Int,
        logger: Logger = Logger(label: "authhero.retention")
    ) {
        self.storage = storage
        self.policy = policy
        self.clock = clock
        self.outboxMaxAttempts = outboxMaxAttempts
        self.logger = logger
    }

    /// One pass: the outbox, then each tenant's audit entries (a tenant that fails does not stop the others; its
    /// entries are pruned on the next pass).
    @discardableResult
    public func prune() async throws -> RetentionSummary {
        let now = clock.now()
        var summary = RetentionSummary()
        summary.outboxEntries = try await storage.pruneOutbox(
            before: now.addingTimeInterval(-policy.outbox.timeInterval), maxAttempts: outboxMaxAttempts)
        let auditCutoff = now.addingTimeInterval(-policy.audit.timeInterval)
        for tenant in try await storage.tenants() {
            do {
                summary.auditEntries += try await storage.pruneAuditEntries(before: auditCutoff, tenantID: tenant.id)
            } catch {
                summary.failedTenants.append(tenant.id)
            }
        }
        return summary
    }

    /// Prunes at start and then every ``RetentionPolicy/interval`` until cancelled; failures go to the log.
    public func run() async {
        repeat {
            do {
                let summary = try await prune()
                if !summary.failedTenants.isEmpty {
                    logger.warning(
                        "audit retention failed for some tenants; retried on the next pass",
                        metadata: ["tenants": "\(summary.failedTenants)"])
                }
            } catch {
                logger.error("retention pass failed; retried on the next pass", metadata: ["error": "\(error)"])
            }
        } while (try? await Task.sleep(for: policy.interval)) != nil
    }
}

/// What one retention pass deleted.
public struct RetentionSummary: Sendable, Equatable, CustomStringConvertible {
    public var outboxEntries = 0
    public var auditEntries = 0
    /// Tenants whose audit entries could not be pruned in this pass.
    public var failedTenants: [String] = []

    public init() {}

    public var description: String {
        "\(outboxEntries) outbox entries and \(auditEntries) audit entries deleted"
            + (failedTenants.isEmpty ? "" : "; failed for \(failedTenants.joined(separator: ", "))")
    }
}
