import Foundation
import Testing

@testable import BackendSample

/// The append-only JSON-lines audit file.
@Suite struct AuditLogTests {
    static func record(_ customer: String) -> AuditRecord {
        AuditRecord(
            action: "support_access", actor: "auth0|support", clientID: "portal", customer: customer,
            route: "GET /internal/customers/\(customer)/users", at: Date(timeIntervalSince1970: 1_800_000_000))
    }

    @Test func recordsAreAppendedOnePerLineAndReadableOnlyByTheOwner() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("audit.jsonl").path
        try "existing line\n".write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let log = AuditLog(path: path)
        try await log.append(Self.record("org_a"))
        try await log.append(Self.record("org_b"))

        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0] == "existing line")
        #expect(try JSONDecoder().decode(AuditRecord.self, from: Data(lines[2].utf8)) == Self.record("org_b"))
        #expect(lines[1].hasPrefix("{\"action\":\"support_access\",\"actor\":\"auth0|support\""))
    }

    @Test func aNewFileIsCreatedOwnerOnly() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID().uuidString).jsonl")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await AuditLog(path: path).append(Self.record("org_a"))
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }

    @Test func aPathThatCannotBeWrittenFailsClosed() async throws {
        let missingFolder = "/nonexistent-\(UUID().uuidString)/audit.jsonl"
        await #expect(throws: BackendError.auditUnavailable) {
            try await AuditLog(path: missingFolder).append(Self.record("org_a"))
        }
    }
}
