import ArgumentParser

/// `sync`: the reconcile pass the server runs at start-up, on demand: finishes every tenant an interrupted run left
/// `pending` or `failed`.
struct Sync: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Finish or repair tenant provisioning (reconcile).")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let environment = AppEnvironment()
        let runtime = try ControlPlaneRuntime.open(
            path: database.databasePath(environment), baseURL: database.resolvedBaseURL(environment))
        let repaired = try await runtime.services.tenantProvisioner.reconcile()
        print(repaired.isEmpty ? "Every tenant is ready." : "Provisioned: " + repaired.joined(separator: ", "))
    }
}
