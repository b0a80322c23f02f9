import AuthHeroCore
import AuthHeroServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Checks shared by the write-route suites of clients, client grants, connections and tenant settings.
extension ManagementFixture {
    /// An organization token for alpha holding only `read:users` (alice's role there): valid on alpha, but without
    /// any of the scopes the write routes need.
    func readerToken() async throws -> String {
        try await controlPlaneToken(organization: Self.alphaOrganization)
    }

    /// The actions of `tenantID`'s audit log, oldest first.
    func auditActions(_ tenantID: String) async throws -> [String] {
        try await server.services.storage.events(tenantID: tenantID, limit: 200).reversed().map(\.action)
    }

    /// The audit entries of `tenantID` with `action`.
    func auditEvents(_ tenantID: String, action: String) async throws -> [AuditEvent] {
        try await server.services.storage.events(tenantID: tenantID, limit: 200).filter { $0.action == action }
    }

    /// Expects an Auth0 error answer with `status` and `errorCode`.
    static func expectRefused(
        _ response: TestClient.Response, _ status: HTTPResponse.Status, _ errorCode: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(response.status == status, sourceLocation: sourceLocation)
        #expect(try Self.errorCode(response) == errorCode, sourceLocation: sourceLocation)
    }
}
