import Foundation

/// Brings an Auth0 export into one tenant through the ordinary stores. The whole folder is read and checked first
/// (``plan(folder:)``); ``apply(_:tenantID:dryRun:)`` then writes it, matching what is already there (by id, then
/// by name, identifier or email), so a second run updates and creates nothing twice.
public struct Auth0Import: Sendable {
    private let storage: any AuthHeroStorage
    private let clock: any AuthHeroClock

    /// Creates an importer over the storage.
    public init(storage: any AuthHeroStorage, clock: any AuthHeroClock) {
        self.storage = storage
        self.clock = clock
    }

    /// Reads and checks the export folder at `path`; nothing is written.
    public static func plan(folder path: String) throws(Auth0ExportError) -> Auth0ImportPlan {
        try Auth0ExportReader.read(path)
    }

    /// Reads the export folder at `path` and, once all of it is known to be valid, writes it into `tenantID` (with
    /// `dryRun`, writes nothing). An ``Auth0ExportError`` means nothing was written.
    public func importFolder(_ path: String, tenantID: String, dryRun: Bool = false) async throws
        -> Auth0ImportReport
    {
        try await apply(try Self.plan(folder: path), tenantID: tenantID, dryRun: dryRun)
    }

    /// Writes the plan into `tenantID` (or, with `dryRun`, only works out what it would write).
    public func apply(_ plan: Auth0ImportPlan, tenantID: String, dryRun: Bool = false) async throws
        -> Auth0ImportReport
    {
        var run = Auth0ImportRun(storage: storage, clock: clock, tenantID: tenantID, dryRun: dryRun)
        run.report.dryRun = dryRun
        for skip in plan.skipped { run.report.skip(skip) }
        try await run.connections(plan.connections)
        try await run.resourceServers(plan.resourceServers)
        try await run.roles(plan.roles)
        try await run.users(plan.users)
        try await run.clients(plan.clients)
        try await run.organizations(plan.organizations)
        return run.report
    }
}
