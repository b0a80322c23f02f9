import Hummingbird
import NIOCore

/// `GET /api/v2/spec`: the Management API's OpenAPI document. Public by choice: it describes routes, never data, and
/// tools (schemathesis, client generators) fetch it before they hold a token. It is served outside the Management
/// API's authorization middleware but, like every route, only at a host that names a tenant.
struct ManagementSpecRoute {
    /// The route tables the document describes: the same values the router serves.
    let tables: [any ManagementRouteGroup]

    func register(on router: Router<AuthHeroRequestContext>) {
        // Encoded once at start-up; the document depends only on the code.
        let encoded = Result { try ManagementSpec.json(tables) }
        router.get("api/v2/spec") { _, context in
            _ = try context.requireTenant()
            return Response(
                status: .ok, headers: [.contentType: "application/json", .cacheControl: "public, max-age=300"],
                body: .init(byteBuffer: ByteBuffer(bytes: try encoded.get())))
        }
    }
}
