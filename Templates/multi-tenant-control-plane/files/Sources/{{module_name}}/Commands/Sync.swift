import ArgumentParser

/// `sync`: the reconcile pass the server runs at start-up, on demand: finishes every tenant an interrupted run left
/// `pending` or `failed`, processes the sync outbox, and makes every tenant's synced copies of the control plane's
/// resource servers and roles match it again.
struct Sync: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Finish tenant provisioning and repair synced resource servers and roles (reconcile).")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let environment = AppEnvironment()
        let runtime = try {{#database_postgres}}await {{/database_postgres}}database.openRuntime(environment)
        let summary = try await runtime.services.tenantProvisioner.reconcile()
        print(summary)
        // A failing tenant stays failing until its cause is fixed: say so with the exit code, for scripts and CI.
        if summary.hasFailures { throw ExitCode.failure }
    }
}
