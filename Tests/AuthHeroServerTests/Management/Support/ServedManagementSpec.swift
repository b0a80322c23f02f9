import AuthHeroCore
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import OpenAPIKit
import Testing

extension LoginTestServer {
    /// The Management API's OpenAPI document as the control plane serves it at `/api/v2/spec`.
    func managementSpec() async throws -> OpenAPI.Document {
        let response = try await browser().get("/api/v2/spec", host: Self.host(ControlPlane.tenantID))
        #expect(response.status == .ok)
        return try JSONDecoder().decode(
            OpenAPI.Document.self, from: Data((response.body ?? ByteBuffer()).readableBytesView))
    }
}
