import HTTPTypes
import OpenAPIKit

extension OrganizationRoutes: ManagementRouteGroup {
    var schemas: [(String, JSONSchema)] {
        [
            (
                "Organization",
                SpecSchema.record([
                    "id": .string, "name": .string, "display_name": .string, "metadata": SpecSchema.stringMap(),
                ])
            )
        ]
    }

    var operations: [ManagementOperation] {
        let tag = "Organizations"
        let organization = SpecSchema.ref("Organization")
        return [
            ManagementOperation(
                .get, "organizations", "listOrganizations", summary: "List organizations",
                scope: "read:organizations", parameters: SpecOperation.paging + SpecOperation.checkpoint,
                response: SpecSchema.list("Organization", key: "organizations", checkpoint: true), tag: tag,
                handler: list),
            ManagementOperation(
                .get, "organizations/name/{name}", "getOrganizationByName", summary: "An organization, by name",
                scope: "read:organizations", response: organization, tag: tag, handler: getByName),
            ManagementOperation(
                .get, "organizations/{id}", "getOrganization", summary: "An organization",
                scope: "read:organizations", response: organization, tag: tag, handler: get),
            ManagementOperation(
                .post, "organizations", "createOrganization", summary: "Create an organization",
                scope: "create:organizations", body: CreateOrganizationBody.self, status: 201,
                response: organization, errors: [409], tag: tag, handler: create),
            ManagementOperation(
                .patch, "organizations/{id}", "updateOrganization", summary: "Update an organization",
                scope: "update:organizations", body: UpdateOrganizationBody.self, response: organization,
                errors: [409], tag: tag, handler: update),
            ManagementOperation(
                .delete, "organizations/{id}", "deleteOrganization", summary: "Delete an organization",
                scope: "delete:organizations", status: 204, response: nil, tag: tag, handler: delete),
            ManagementOperation(
                .get, "organizations/{id}/members", "listMembers", summary: "An organization's members",
                scope: "read:organization_members", parameters: SpecOperation.paging + SpecOperation.checkpoint,
                response: SpecSchema.list("UserSummary", key: "members", checkpoint: true), tag: tag,
                handler: listMembers),
            ManagementOperation(
                .post, "organizations/{id}/members", "addMembers", summary: "Add members",
                scope: "create:organization_members", body: MembersBody.self, status: 204, response: nil, tag: tag,
                handler: addMembers),
            ManagementOperation(
                .delete, "organizations/{id}/members", "removeMembers", summary: "Remove members",
                scope: "delete:organization_members", body: MembersBody.self, status: 204, response: nil, tag: tag,
                handler: removeMembers),
            ManagementOperation(
                .get, "organizations/{id}/members/{user_id}/roles", "listMemberRoles",
                summary: "A member's roles in the organization", scope: "read:organization_member_roles",
                parameters: SpecOperation.paging, response: SpecSchema.list("Role", key: "roles"), tag: tag,
                handler: listMemberRoles),
            ManagementOperation(
                .post, "organizations/{id}/members/{user_id}/roles", "assignMemberRoles",
                summary: "Give a member roles in the organization", scope: "create:organization_member_roles",
                body: RoleIDsBody.self, status: 204, response: nil, tag: tag, handler: assignMemberRoles),
            ManagementOperation(
                .delete, "organizations/{id}/members/{user_id}/roles", "removeMemberRoles",
                summary: "Take a member's roles in the organization", scope: "delete:organization_member_roles",
                body: RoleIDsBody.self, status: 204, response: nil, tag: tag, handler: removeMemberRoles),
        ]
    }
}
