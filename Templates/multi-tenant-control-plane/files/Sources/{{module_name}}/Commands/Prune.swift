import ArgumentParser

/// `prune`: the retention pass `serve` runs hourly, on demand: deletes sync outbox entries processed more than
/// `OUTBOX_RETENTION_DAYS` ago and audit entries (the Management API's logs) older than `AUDIT_RETENTION_DAYS`.
struct Prune: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Delete processed sync outbox entries and old audit entries (retention).")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let environment = AppEnvironment()
        let runtime = try {{#database_postgres}}await {{/database_postgres}}database.openRuntime(environment)
        let summary = try await runtime.services.retention.prune()
        let policy = runtime.services.retention.policy
        print(
            "\(summary) (outbox kept \(policy.outbox.components.seconds / 86_400) days, audit "
                + "\(policy.audit.components.seconds / 86_400) days)")
        if !summary.failedTenants.isEmpty { throw ExitCode.failure }
    }
}
