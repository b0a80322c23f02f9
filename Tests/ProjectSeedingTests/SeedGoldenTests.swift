import AuthHeroCore
import Foundation
import GoldenTesting
import ProjectSeeding
import Scaffold
import Testing

/// The seeded control plane of every `multi-tenant-control-plane` golden preset, compared as a canonical SQL dump
/// (and its `.env`) with `Tests/Golden/multi-tenant-control-plane/<preset>.seed/`. `RECORD_GOLDEN=1` re-records.
@Suite struct SeedGoldenTests {
    struct Preset: Decodable, CustomTestStringConvertible {
        let name: String
        let answers: [String: AnswerValue]
        let secrets: [String: String]?
        var file = ""
        private enum CodingKeys: String, CodingKey { case name, answers, secrets }
        var testDescription: String { file }
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden").appendingPathComponent(ControlPlaneArtifacts.templateID)

    static func presets() -> [Preset] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".preset.json") }.sorted().compactMap { file in
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path),
                var preset = try? JSONDecoder().decode(Preset.self, from: data)
            else { return nil }
            preset.file = String(file.dropLast(".preset.json".count))
            return preset
        }
    }

    @Test func everyControlPlanePresetIsCovered() {
        #expect(Self.presets().count >= 2)
    }

    @Test(arguments: presets())
    func seededDatabaseAndEnvironmentMatchTheGoldenFiles(preset: Preset) async throws {
        let template = try EmbeddedTemplates.catalog().template(id: ControlPlaneArtifacts.templateID)
        let answers = try AnswerResolver(manifest: template.manifest).resolve(
            given: preset.answers.mapValues(\.description), environment: [:], useDefaults: true)
        let golden = Self.folder.appendingPathComponent(preset.file + ".seed")
        if ControlPlaneArtifacts.isOnPostgres(answers) {
            // Generation seeds nothing on PostgreSQL; it writes the `.env` that points at the README's cluster.
            let file = ControlPlaneArtifacts.unseeded(name: try ProjectName(preset.name), answers: answers)
            #expect(throws: Never.self) {
                try assertGolden(
                    String(decoding: file.contents, as: UTF8.self),
                    as: .text(file: golden.appendingPathComponent("env.golden")))
            }
            return
        }
        // The password hash is masked, so the lowest bcrypt cost changes nothing but the time.
        let artifacts = try await ControlPlaneArtifacts.make(
            name: ProjectName(preset.name), answers: answers, password: "seed-golden-password",
            writePasswordFile: false,
            passwordHasher: PasswordHasher(cost: 4))
        let seed = artifacts.seed
        let known = [
            seed.portalClientID: "<portal-client-id>", seed.backendSampleClientID: "<backend-sample-client-id>",
            seed.backendSampleClientSecret ?? "-": "<backend-sample-client-secret>",
            seed.adminUserID: "<admin-user-id>",
        ]
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "seed-golden-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("control-plane.sqlite")
        try #require(artifacts.files.first { $0.path == ControlPlaneArtifacts.databasePath }).contents.write(
            to: database)

        var environment = String(
            decoding: try #require(artifacts.files.first { $0.path == ".env" }).contents, as: UTF8.self)
        for (value, placeholder) in known {
            environment = environment.replacingOccurrences(of: value, with: placeholder)
        }
        #expect(throws: Never.self) {
            try assertGolden(
                database,
                as: .sqlDump(file: golden.appendingPathComponent("control-plane.sql.golden"), knownValues: known))
        }
        #expect(throws: Never.self) {
            try assertGolden(environment, as: .text(file: golden.appendingPathComponent("env.golden")))
        }
    }
}
