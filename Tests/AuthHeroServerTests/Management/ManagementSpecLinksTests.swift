import AuthHeroServer
import OpenAPIKit
import Testing

/// The document's links: each creating operation's answer links to the operations on the object it created, with
/// the id taken from where the object names it, so link-following tools reach them with real objects.
@Suite(.serialized) struct ManagementSpecLinksTests {
    /// `operationId` of every operation, with its success answer's links as `target: [parameter: expression]`.
    private static func links(_ document: OpenAPI.Document) -> [String: [String: [String: String]]] {
        var links: [String: [String: [String: String]]] = [:]
        for (_, item) in document.paths {
            for endpoint in item.b?.endpoints ?? [] {
                guard let id = endpoint.operation.operationId else { continue }
                for (_, response) in endpoint.operation.responses {
                    let answerLinks: OpenAPI.Link.Map = response.b?.links ?? [:]
                    for (target, link) in answerLinks {
                        let parameters = link.b?.parameters ?? [:]
                        links[id, default: [:]][target] = Dictionary(
                            uniqueKeysWithValues: parameters.map { ($0.key, $0.value.a?.rawValue ?? "constant") })
                    }
                }
            }
        }
        return links
    }

    @Test func aCreatedObjectLinksToEveryOperationOnIt() async throws {
        try await LoginTestServer.run { server in
            let links = Self.links(try await server.managementSpec())
            let fromRole = links["createRole"] ?? [:]
            #expect(
                Set(fromRole.keys) == [
                    "getRole", "updateRole", "deleteRole", "listRolePermissions", "addRolePermissions",
                    "removeRolePermissions", "listRoleUsers",
                ])
            #expect(fromRole["addRolePermissions"] == ["path.id": "$response.body#/id"])
            #expect(links["createUser"]?["assignUserRoles"] == ["path.id": "$response.body#/user_id"])
            #expect(
                links["createCustomDomain"]?["verifyCustomDomain"] == ["path.id": "$response.body#/custom_domain_id"])
            #expect(links["rotateSigningKey"]?["getSigningKey"] == ["path.kid": "$response.body#/kid"])
        }
    }

    @Test func addingMembersLinksToTheirRolesThroughTheRequest() async throws {
        try await LoginTestServer.run { server in
            let links = Self.links(try await server.managementSpec())
            #expect(
                links["addMembers"]?["assignMemberRoles"] == [
                    "path.id": "$request.path.id", "path.user_id": "$request.body#/members/0",
                ])
            #expect(links["createOrganization"]?["addMembers"] == ["path.id": "$response.body#/id"])
        }
    }

    /// Every operation on an object the API creates is some link's target; the rest act on objects only the server
    /// makes (log entries, a tenant's database connection) or find them by another key (an organization's name).
    @Test func everyOperationOnACreatableObjectIsReachableByALink() async throws {
        try await LoginTestServer.run { server in
            let document = try await server.managementSpec()
            let targets = Set(Self.links(document).values.flatMap(\.keys))
            let unreachable = document.paths.flatMap { path, item in
                (item.b?.endpoints ?? []).compactMap { endpoint -> String? in
                    guard path.rawValue.contains("{"), let id = endpoint.operation.operationId,
                        !targets.contains(id)
                    else { return nil }
                    return id
                }
            }
            #expect(Set(unreachable).subtracting(Self.notCreatable) == [])
        }
    }

    private static let notCreatable: Set<String> = [
        "getLog", "getOrganizationByName", "getConnection", "updateConnection",
    ]
}
