import OpenAPIKit

/// The body of `POST /api/v2/tenants`; the name's rules are the provisioner's, so a bad one is refused with its
/// reason (invalid, reserved, taken).
struct CreateTenantBody: ManagementBody {
    static let schemaName = "CreateTenant"
    static let shape = #"{"name": string, "display_name"?: string}"#
    static var schema: JSONSchema {
        SpecSchema.strictBody([
            "name": .string(pattern: "^[a-z0-9]([a-z0-9-]{0,48}[a-z0-9])?$"), "display_name": .string(required: false),
        ])
    }

    let name: String
    let displayName: String?

    private enum CodingKeys: String, CodingKey {
        case name
        case displayName = "display_name"
    }
}
