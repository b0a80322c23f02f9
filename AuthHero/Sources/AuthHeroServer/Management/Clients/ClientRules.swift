import AuthHeroCore
import Foundation

/// What a client written through the Management API must satisfy: bounded names and lists, absolute redirect URLs
/// without fragments (RFC 6749 §3.1.2), bare origins, supported grant types, and an application type, authentication
/// method and grant types that fit together (a public client has no secret and no client-credentials grant).
enum ClientRules {
    static let maximumNameLength = 128
    static let maximumDescriptionLength = 140
    static let maximumListLength = 100

    /// `fields` (and `name`) applied to `client`, then checked as a whole; a 400 naming the first broken rule.
    static func apply(_ fields: ClientFields, name: String?, to client: Client) throws(ManagementError) -> Client {
        var client = client
        if let name { client.name = try Self.name(name) }
        if let description = fields.description {
            guard description.count <= maximumDescriptionLength else {
                throw .invalidBody("description must be at most \(maximumDescriptionLength) characters.")
            }
            client.description = description
        }
        if let value = fields.appType {
            guard let appType = ApplicationType(rawValue: value) else {
                throw .invalidBody(
                    "app_type must be one of \(ApplicationType.allCases.map(\.rawValue)), not \"\(value)\".")
            }
            client.appType = appType
        }
        if let value = fields.tokenEndpointAuthMethod {
            guard let method = TokenEndpointAuthMethod(rawValue: value) else {
                throw .invalidBody(
                    "token_endpoint_auth_method must be one of \(TokenEndpointAuthMethod.allCases.map(\.rawValue)), "
                        + "not \"\(value)\".")
            }
            client.tokenEndpointAuthMethod = method
        }
        if let urls = fields.callbacks {
            client.callbacks = try ClientURLRules.redirectURLs(urls, field: "callbacks", appType: client.appType)
        }
        if let urls = fields.allowedLogoutURLs {
            client.allowedLogoutURLs = try ClientURLRules.redirectURLs(
                urls, field: "allowed_logout_urls", appType: client.appType)
        }
        if let origins = fields.webOrigins {
            client.webOrigins = try ClientURLRules.origins(origins, field: "web_origins")
        }
        if let origins = fields.allowedOrigins {
            client.allowedOrigins = try ClientURLRules.origins(origins, field: "allowed_origins")
        }
        if let grantTypes = fields.grantTypes { client.grantTypes = try Self.grantTypes(grantTypes) }
        try checkConsistent(client)
        return client
    }

    /// A new client of the type the body names (regular_web when it names none), with that type's defaults.
    static func draft(_ body: CreateClientBody, tenantID: String, now: Date) throws(ManagementError) -> Client {
        let appType = body.fields.appType.flatMap(ApplicationType.init(rawValue:)) ?? .regularWeb
        let draft = Client(
            tenantID: tenantID, id: ClientRegistrar.newClientID(), name: body.name, appType: appType, secretHash: nil,
            tokenEndpointAuthMethod: appType.isPublic ? TokenEndpointAuthMethod.none : .clientSecretPost,
            createdAt: now)
        return try apply(body.fields, name: body.name, to: draft)
    }

    /// A public client never becomes confidential through an update: it would need a secret, and a secret is shown
    /// only at creation and rotation. Its owner creates a confidential client instead.
    static func checkUpdate(from old: Client, to new: Client) throws(ManagementError) {
        guard old.tokenEndpointAuthMethod.usesSecret || !new.tokenEndpointAuthMethod.usesSecret else {
            throw .invalidBody(
                "A public client (token_endpoint_auth_method none) cannot switch to a secret; create a new client "
                    + "with POST /api/v2/clients, which answers with its secret.")
        }
    }

    /// The Auth0 names of the fields that differ between `old` and `new`, for the audit log.
    static func changedFields(from old: Client, to new: Client) -> [String] {
        let fields: [(String, (Client) -> AnyHashable)] = [
            ("name", { $0.name }), ("description", { $0.description }), ("app_type", { $0.appType }),
            ("token_endpoint_auth_method", { $0.tokenEndpointAuthMethod }), ("callbacks", { $0.callbacks }),
            ("allowed_logout_urls", { $0.allowedLogoutURLs }), ("web_origins", { $0.webOrigins }),
            ("allowed_origins", { $0.allowedOrigins }), ("grant_types", { $0.grantTypes }),
        ]
        return fields.filter { $0.1(old) != $0.1(new) }.map(\.0)
    }

    private static func name(_ value: String) throws(ManagementError) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= maximumNameLength else {
            throw .invalidBody("name must be 1 to \(maximumNameLength) characters.")
        }
        return trimmed
    }

    private static func grantTypes(_ values: [String]) throws(ManagementError) -> [String] {
        let unsupported = values.filter { !GrantType.supported.contains($0) }
        guard unsupported.isEmpty else {
            throw .invalidBody("grant_types \(unsupported) are not supported here; use any of \(GrantType.supported).")
        }
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }

    private static func checkConsistent(_ client: Client) throws(ManagementError) {
        let method = client.tokenEndpointAuthMethod
        if client.appType.isPublic, method.usesSecret {
            throw .invalidBody(
                "A \(client.appType.rawValue) app runs where a secret cannot be kept: use token_endpoint_auth_method "
                    + "none.")
        }
        if client.appType == .machineToMachine, !method.usesSecret {
            throw .invalidBody(
                "A non_interactive client authenticates with a secret: use token_endpoint_auth_method "
                    + "client_secret_post or client_secret_basic.")
        }
        if client.allows(grantType: GrantType.clientCredentials), !method.usesSecret {
            throw .invalidBody(
                "client_credentials is for confidential clients (regular_web or non_interactive with a secret), not "
                    + "for a public \(client.appType.rawValue) client.")
        }
    }
}
