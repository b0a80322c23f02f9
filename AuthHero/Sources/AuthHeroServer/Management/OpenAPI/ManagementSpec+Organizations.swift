import OpenAPIKit

extension ManagementSpec {
    /// `/api/v2/organizations` (``OrganizationRoutes``, ``OrganizationMemberRoutes``).
    static var organizations: SpecGroup {
        let tag = "Organizations"
        let id = SpecOperation.path("id")
        let member = [id, SpecOperation.path("user_id")]
        let organization = SpecSchema.ref("Organization")
        let organizationName = JSONSchema.string(
            minLength: 1, maxLength: OrganizationRules.maximumNameLength, pattern: "^[a-z0-9_-]+$")
        return SpecGroup(
            schemas: [
                (
                    "Organization",
                    SpecSchema.record([
                        "id": .string, "name": .string, "display_name": .string, "metadata": SpecSchema.stringMap(),
                    ])
                ),
                (
                    "CreateOrganization",
                    SpecSchema.body([
                        "name": organizationName, "display_name": .string(required: false),
                        "metadata": SpecSchema.stringMap(required: false),
                    ])
                ),
                (
                    "UpdateOrganization",
                    SpecSchema.body([
                        "name": .string(required: false), "display_name": .string(required: false),
                        "metadata": SpecSchema.metadataChanges,
                    ])
                ),
            ],
            routes: [
                SpecRoute(
                    .get, "/api/v2/organizations", "listOrganizations", tag: tag, summary: "List organizations",
                    scope: "read:organizations", parameters: SpecOperation.paging + SpecOperation.checkpoint,
                    response: SpecSchema.list("Organization", key: "organizations", checkpoint: true)),
                SpecRoute(
                    .get, "/api/v2/organizations/name/{name}", "getOrganizationByName", tag: tag,
                    summary: "An organization, by name", scope: "read:organizations",
                    parameters: [SpecOperation.path("name")], response: organization),
                SpecRoute(
                    .get, "/api/v2/organizations/{id}", "getOrganization", tag: tag, summary: "An organization",
                    scope: "read:organizations", parameters: [id], response: organization),
                SpecRoute(
                    .post, "/api/v2/organizations", "createOrganization", tag: tag, summary: "Create an organization",
                    scope: "create:organizations", body: SpecSchema.ref("CreateOrganization"), status: 201,
                    response: organization, errors: [409]),
                SpecRoute(
                    .patch, "/api/v2/organizations/{id}", "updateOrganization", tag: tag,
                    summary: "Update an organization", scope: "update:organizations", parameters: [id],
                    body: SpecSchema.ref("UpdateOrganization"), response: organization, errors: [409]),
                SpecRoute(
                    .delete, "/api/v2/organizations/{id}", "deleteOrganization", tag: tag,
                    summary: "Delete an organization", scope: "delete:organizations", parameters: [id], status: 204,
                    response: nil),
                SpecRoute(
                    .get, "/api/v2/organizations/{id}/members", "listMembers", tag: tag,
                    summary: "An organization's members", scope: "read:organization_members",
                    parameters: [id] + SpecOperation.paging + SpecOperation.checkpoint,
                    response: SpecSchema.list("UserSummary", key: "members", checkpoint: true)),
                SpecRoute(
                    .post, "/api/v2/organizations/{id}/members", "addMembers", tag: tag, summary: "Add members",
                    scope: "create:organization_members", parameters: [id], body: SpecSchema.ids("members"),
                    status: 204, response: nil),
                SpecRoute(
                    .delete, "/api/v2/organizations/{id}/members", "removeMembers", tag: tag,
                    summary: "Remove members", scope: "delete:organization_members", parameters: [id],
                    body: SpecSchema.ids("members"), status: 204, response: nil),
                SpecRoute(
                    .get, "/api/v2/organizations/{id}/members/{user_id}/roles", "listMemberRoles", tag: tag,
                    summary: "A member's roles in the organization", scope: "read:organization_member_roles",
                    parameters: member + SpecOperation.paging, response: SpecSchema.list("Role", key: "roles")),
                SpecRoute(
                    .post, "/api/v2/organizations/{id}/members/{user_id}/roles", "assignMemberRoles", tag: tag,
                    summary: "Give a member roles in the organization", scope: "create:organization_member_roles",
                    parameters: member, body: SpecSchema.ids("roles"), status: 204, response: nil),
                SpecRoute(
                    .delete, "/api/v2/organizations/{id}/members/{user_id}/roles", "removeMemberRoles", tag: tag,
                    summary: "Take a member's roles in the organization", scope: "delete:organization_member_roles",
                    parameters: member, body: SpecSchema.ids("roles"), status: 204, response: nil),
            ])
    }
}
