import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import OpenAPIKit
import Testing

/// `GET /api/v2/spec`: a public OpenAPI 3.1 document that parses, passes OpenAPIKit's validation, and documents
/// exactly the Management API routes the router serves, each with its responses and the error schema, the scope the
/// route really requires, and a body schema naming exactly the fields the route accepts.
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

    @Test func everyDocumentedScopeIsTheScopeTheRouteRequires() async throws {
        try await LoginTestServer.run { server in
            let fixture = try await ManagementFixture.seed(server)
            let document = try await Self.served(server)
            let unscoped = try await fixture.controlPlaneToken(email: ManagementFixture.carolEmail, scope: "")
            var checked = 0
            for (method, path, operation) in Self.operations(document) {
                guard let scope = Self.scope(operation) else { continue }
                let response = try await fixture.send(
                    method, path, token: unscoped, json: operation.requestBody == nil ? nil : "{}")
                let name = "\(method.rawValue) \(path)"
                #expect(response.status == .forbidden, "\(name) answered \(response.status) without its scope")
                #expect(
                    try response.json()["message"] as? String == "Insufficient scope, expected any of: \(scope)",
                    "\(name) does not require the documented scope \(scope)")
                checked += 1
            }
            #expect(checked > 40)
        }
    }

    @Test func everyDocumentedBodyNamesExactlyTheFieldsTheRouteAccepts() async throws {
        try await LoginTestServer.run { server in
            let fixture = try await ManagementFixture.seed(server)
            let document = try await Self.served(server)
            let admin = try await fixture.controlPlaneAdminToken()
            var checked = 0
            for (method, path, operation) in Self.operations(document) {
                guard let body = operation.requestBody?.b?.content[.json]?.b?.schema else { continue }
                let name = "\(method.rawValue) \(path)"
                let component = try #require(body.reference?.name, "\(name) does not name its body schema")
                let schema = try #require(
                    document.components.schemas[OpenAPI.ComponentKey(stringLiteral: component)]?.objectContext)
                #expect(schema.additionalProperties?.a == false, "\(component) does not say it refuses other fields")
                let response = try await fixture.send(method, path, token: admin, json: #"{"not_a_field":true}"#)
                #expect(response.status == .badRequest, "\(name) accepted an undocumented field")
                let message = try response.json()["message"] as? String ?? ""
                #expect(message.hasPrefix("Unknown field not_a_field;"), "\(name) answered: \(message)")
                checked += 1
            }
            #expect(checked > 15)
        }
    }

    /// The users import reads a multipart form, not JSON: the document gives its fields, the file and the connection
    /// required, so a client generated from the document sends what the route reads.
    @Test func theUsersImportDocumentsItsMultipartForm() async throws {
        try await LoginTestServer.run { server in
            let document = try await Self.served(server)
            let operation = try #require(
                Self.operations(document).first { $0.2.operationId == "createUsersImport" }?.2)
            let request = try #require(operation.requestBody?.b)
            #expect(request.required)
            #expect(request.content[.json] == nil)
            let form = try #require(request.content[.multipartForm]?.b?.schema?.objectContext)
            #expect(
                Set(form.properties.keys)
                    == ["users", "connection_id", "upsert", "external_id", "send_completion_email"])
            #expect(Set(form.requiredProperties) == ["users", "connection_id"])
        }
    }

    /// Every documented operation with its path's parameters filled in (`{id}` becomes `x`).
    private static func operations(_ document: OpenAPI.Document)
        -> [(HTTPRequest.Method, String, OpenAPI.Operation)]
    {
        document.paths.flatMap { path, item in
            let filled = "/" + path.components.map { $0.hasPrefix("{") ? "x" : $0 }.joined(separator: "/")
            return (item.b?.endpoints ?? []).compactMap { endpoint in
                HTTPRequest.Method(endpoint.method.rawValue).map { ($0, filled, endpoint.operation) }
            }
        }
    }

    /// The scope an operation's description names (`Needs the scope `read:users`.`), if any.
    private static func scope(_ operation: OpenAPI.Operation) -> String? {
        guard let description = operation.description, description.hasPrefix("Needs the scope `") else { return nil }
        return description.dropFirst("Needs the scope `".count).split(separator: "`").first.map(String.init)
    }
}
