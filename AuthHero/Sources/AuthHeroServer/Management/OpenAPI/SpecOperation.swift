import OpenAPIKit

/// Builds operations in the Management API's common form: bearer auth with one scope, JSON bodies, and Auth0
/// error answers for the statuses the route can refuse with.
enum SpecOperation {
    /// The refusals every authenticated route can answer: no/invalid token, missing scope or foreign tenant, an
    /// inconsistent `tenant-id` header, a tenant that does not exist, and the fail-closed audit of staff requests.
    static let commonErrors: [OpenAPI.Response.StatusCode] = [400, 401, 403, 404, 503]

    /// An operation needing `scope`, reading a JSON `body` or a multipart `form`, answering `status` with `response`
    /// (no body when nil) and its `links`, plus `commonErrors` and `errors`. The scope is stated twice: in the description for readers, and as the bearer
    /// requirement's scope for tools.
    static func make(
        _ id: String, tag: String, summary: String, scope: String?, parameters: [OpenAPI.Parameter] = [],
        body: JSONSchema? = nil, form: JSONSchema? = nil, status: OpenAPI.Response.StatusCode = 200,
        response: JSONSchema?, errors: [OpenAPI.Response.StatusCode] = [], links: OpenAPI.Link.Map = [:]
    ) -> OpenAPI.Operation {
        var request: OpenAPI.Request?
        if let body { request = OpenAPI.Request(content: [.json: .b(.init(schema: body))], required: true) }
        if let form { request = OpenAPI.Request(content: [.multipartForm: .b(.init(schema: form))], required: true) }
        var responses: OpenAPI.Response.Map = [
            status: .response(description: summary, content: content(response), links: links)
        ]
        for code in commonErrors + errors where responses[code] == nil {
            responses[code] = .response(description: "Refused", content: content(SpecSchema.ref("Error")))
        }
        return OpenAPI.Operation(
            tags: [tag], summary: summary, description: scope.map { "Needs the scope `\($0)`." },
            operationId: id, parameters: (parameters + [tenantHeader]).map { .b($0) },
            requestBody: request,
            responses: responses,
            security: scope.map { [[.component(named: bearerScheme.rawValue): [$0]]] })
    }

    /// The security scheme every operation requires: a bearer access token for the Management API.
    static let bearerScheme: OpenAPI.ComponentKey = "bearerAuth"

    /// `tenant-id`: the customer tenant a request to the control plane's host acts on (at a tenant's own host it
    /// may only name that tenant).
    static let tenantHeader: OpenAPI.Parameter = .header(
        name: "tenant-id", schema: .string(pattern: "^[a-z0-9]([a-z0-9-]{0,48}[a-z0-9])?$"),
        description: "The tenant to act on, honoured at the control plane's host only.")

    /// A path parameter (`{id}`): a non-empty string, percent-decoded by the route.
    static func path(_ name: String) -> OpenAPI.Parameter {
        .path(name: name, schema: .string(minLength: 1))
    }

    /// An optional query parameter.
    static func query(_ name: String, _ schema: JSONSchema = .string) -> OpenAPI.Parameter {
        .query(name: name, schema: schema)
    }

    /// Auth0's page pagination: `page`, `per_page` (1...100), `include_totals`.
    static let paging: [OpenAPI.Parameter] = [
        query("page", .integer(minimum: (0, exclusive: false))),
        query("per_page", .integer(maximum: (100, exclusive: false), minimum: (1, exclusive: false))),
        query("include_totals", .boolean),
    ]

    /// Auth0's checkpoint pagination: `from` and `take` (1...100).
    static let checkpoint: [OpenAPI.Parameter] = [
        query("from"), query("take", .integer(maximum: (100, exclusive: false), minimum: (1, exclusive: false))),
    ]

    private static func content(_ schema: JSONSchema?) -> OpenAPI.Content.Map {
        guard let schema else { return [:] }
        return [.json: .b(.init(schema: schema))]
    }
}
