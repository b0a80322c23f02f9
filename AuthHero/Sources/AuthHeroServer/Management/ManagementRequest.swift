import Foundation
import Hummingbird

/// Reading Management API requests: path ids and query values, and the size bound of the bodies they carry.
enum ManagementRequest {
    /// The largest JSON body a Management API route reads.
    static let maximumBodySize = 64 * 1024

    /// A path parameter, percent-decoded: Auth0 clients send ids such as `auth0%7C123`.
    static func pathParameter(_ name: String, _ context: AuthHeroRequestContext) throws -> String {
        guard let value = try context.parameters.require(name).removingPercentEncoding, !value.isEmpty else {
            throw ManagementError(
                status: .badRequest, errorCode: "invalid_uri", message: "The \(name) in the path is not valid.")
        }
        return value
    }

    /// The first value of query parameter `name`, if any.
    static func query(_ name: String, _ request: Request) -> String? {
        request.uri.queryParameters[name[...]].map(String.init)
    }
}

extension ManagementError {
    /// 400: the body is not what the route accepts; `message` says what it expects.
    static func invalidBody(_ message: String) -> Self {
        Self(status: .badRequest, errorCode: "invalid_body", message: message)
    }

    /// 404 `inexistent_user`.
    static let userNotFound = notFound("inexistent_user", "The user does not exist.")
    /// 404 `inexistent_role`.
    static let roleNotFound = notFound("inexistent_role", "The role does not exist.")
    /// 404 `inexistent_resource_server`.
    static let resourceServerNotFound = notFound("inexistent_resource_server", "The resource server does not exist.")
    /// 404 `inexistent_organization`.
    static let organizationNotFound = notFound("inexistent_organization", "The organization does not exist.")
}
