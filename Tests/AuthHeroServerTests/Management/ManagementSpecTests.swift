import AuthHeroCore
import AuthHeroServer
import Foundation
import Hummingbird
import HummingbirdTesting
import OpenAPIKit
import Testing

/// `GET /api/v2/spec`: a public OpenAPI 3.1 document that parses, passes OpenAPIKit's validation, and documents
/// exactly the Management API routes the router serves, each with its responses and the error schema.
@Suite(.serialized) struct ManagementSpecTests {
    private static func served(_ server: LoginTestServer) async throws -> OpenAPI.Document {
        let response = try await server.browser().get("/api/v2/spec", host: LoginTestServer.host(ControlPlane.tenantID))
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "application/json")
        return try JSONDecoder().decode(
            OpenAPI.Document.self, from: Data((response.body ?? ByteBuffer()).readableBytesView))
    }

    @Test func theDocumentIsPublicAndValid() async throws {
        try await LoginTestServer.run { server in
            let document = try await Self.served(server)
            #expect(document.openAPIVersion == .v3_1_0)
            _ = try document.validate()
            #expect(document.components.schemas[OpenAPI.ComponentKey(stringLiteral: "Error")] != nil)
        }
    }

    @Test func aHostThatNamesNoTenantGetsNoDocument() async throws {
        try await LoginTestServer.run { server in
            let response = try await server.browser().get("/api/v2/spec", host: "unknown.localhost:3000")
            #expect(response.status.code >= 400)
        }
    }

    @Test func everyRegisteredManagementRouteIsDocumentedAndNothingElse() async throws {
        try await LoginTestServer.run { server in
            let document = try await Self.served(server)
            let documented = Set(
                document.paths.flatMap { path, item in
                    (item.b?.endpoints ?? []).map {
                        "\($0.method.rawValue) /\(path.rawValue.split(separator: "/").joined(separator: "/"))"
                    }
                })
            let registered = Set(
                AuthHeroRouter.make(services: server.services).routes
                    .map { "\($0.method.rawValue) \($0.path.description)" }
                    .filter { $0.contains(" /api/v2/") && !$0.hasSuffix(" /api/v2/spec") })
            #expect(registered.count > 40)
            #expect(registered.subtracting(documented).sorted() == [])
            #expect(documented.subtracting(registered).sorted() == [])
        }
    }

    @Test func everyOperationNamesItsSuccessAndItsErrorsShape() async throws {
        try await LoginTestServer.run { server in
            let document = try await Self.served(server)
            for (path, item) in document.paths {
                for endpoint in item.b?.endpoints ?? [] {
                    let responses = endpoint.operation.responses
                    let name = "\(endpoint.method.rawValue) \(path.rawValue)"
                    // A route that exists only to refuse a method (405) has no success to document.
                    #expect(
                        responses.keys.contains { $0.isSuccess || $0 == 405 },
                        "\(name) has no success response")
                    for code: OpenAPI.Response.StatusCode in [401, 403] {
                        let schema = responses[code]?.b?.content[.json]?.b?.schema
                        #expect(schema?.reference?.name == "Error", "\(name) does not document \(code) as Error")
                    }
                }
            }
        }
    }
}
