import AuthHeroCore
import Foundation
import Scaffold

/// The run-time files of a `multi-tenant-control-plane` project that come from code at generation time: the seeded
/// SQLite control plane (`data/control-plane.sqlite`), the `.env` with the seed's client ids and secret, and, when
/// asked, the generated administrator password in a file only its owner can read.
///
/// All are `artifact`s: written once (0600), never hashed, diffed or updated.
public struct ControlPlaneArtifacts: Sendable {
    /// The template this applies to.
    public static let templateID = "multi-tenant-control-plane"
    /// Where the seeded database goes, relative to the project (the app's default `DATABASE_PATH`).
    public static let databasePath = "data/control-plane.sqlite"
    /// Where a generated administrator password goes when it cannot be shown on a terminal.
    public static let passwordPath = "data/admin-password.txt"

    /// The files to add to the rendered tree.
    public let files: [RenderedFile]
    /// What the seed made.
    public let seed: ControlPlaneSeedResult
    /// The settings the `.env` was written from.
    public let environment: EnvironmentFile

    /// The `.env` of a project on PostgreSQL, which generation does not seed (it needs no running server): the first
    /// `migrate` or `seed` against `DATABASE_URL` does, and prints the ids to copy into it.
    public static func unseeded(name: ProjectName, answers: Answers) -> RenderedFile {
        let port = answers.values["port"]?.description ?? "3000"
        let baseURL = "http://localhost:\(port)/"
        let backendPort =
            answers.values["backend_sample"] == .bool(true) ? answers.values["backend_port"]?.description : nil
        let environment = EnvironmentFile(
            projectName: name.name, port: port, baseURL: baseURL, portalCallbackURL: baseURL + "portal/", seed: nil,
            backendSamplePort: backendPort, storage: answers.values["postgres_storage"]?.description ?? "shared",
            postgres: EnvironmentFile.PostgresLines(database: name.snake))
        return RenderedFile(path: ".env", contents: Data(environment.text.utf8), class: .artifact, executable: false)
    }

    /// Whether the project keeps its data on PostgreSQL (the `database` answer).
    public static func isOnPostgres(_ answers: Answers) -> Bool { answers.values["database"] == .string("postgres") }

    /// Seeds a fresh control plane for the project `name` rendered with `answers`, the administrator's password
    /// being `password`, building the database in a private folder inside `workingDirectory`. With
    /// `writePasswordFile`, the password is also written to ``passwordPath``.
    public static func make(
        name: ProjectName, answers: Answers, password: String, writePasswordFile: Bool,
        passwordHasher: PasswordHasher = PasswordHasher(),
        workingDirectory: URL = FileManager.default.temporaryDirectory
    ) async throws -> ControlPlaneArtifacts {
        let port = answers.values["port"]?.description ?? "3000"
        let baseURL = "http://localhost:\(port)/"
        let adminEmail = answers.values["admin_email"]?.description ?? "admin@example.com"
        let settings = ControlPlaneSeedSettings(
            baseURL: baseURL, adminEmail: adminEmail, adminPassword: password, passwordHasher: passwordHasher)
        let (database, seed) = try await SeededDatabase.make(settings, in: workingDirectory)
        let backendPort =
            answers.values["backend_sample"] == .bool(true) ? answers.values["backend_port"]?.description : nil
        let environment = EnvironmentFile(
            projectName: name.name, port: port, baseURL: baseURL, portalCallbackURL: settings.portalURL,
            seed: seed, backendSamplePort: backendPort, storage: answers.values["isolation"]?.description ?? "shared")
        var files = [
            RenderedFile(path: ".env", contents: Data(environment.text.utf8), class: .artifact, executable: false),
            RenderedFile(path: databasePath, contents: database, class: .artifact, executable: false),
        ]
        if writePasswordFile {
            files.append(
                RenderedFile(
                    path: passwordPath, contents: Data((password + "\n").utf8), class: .artifact, executable: false))
        }
        return ControlPlaneArtifacts(files: files, seed: seed, environment: environment)
    }
}
