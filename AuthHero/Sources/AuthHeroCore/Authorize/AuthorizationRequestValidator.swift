/// Checks an `/authorize` request in the order that keeps it safe: first the client and its redirect URI (errors
/// shown on a page), then everything else (errors redirected to the now trusted URI).
public struct AuthorizationRequestValidator: Sendable {
    private let storage: any ClientStore & OrganizationStore

    /// The longest `state` accepted, in UTF-8 bytes. Our own bound (Auth0 documents none): every open login
    /// transaction holds it in memory, so it must not grow with what a caller sends.
    public static let maximumStateBytes = 2048
    /// The longest `nonce` accepted, in UTF-8 bytes (our own bound, like ``maximumStateBytes``).
    public static let maximumNonceBytes = 512

    /// Creates a validator over the client and organization stores.
    public init(storage: any ClientStore & OrganizationStore) { self.storage = storage }

    /// The validated request, or `AuthorizeError`.
    public func validate(_ parameters: AuthorizationParameters, tenant: TenantContext) async throws
        -> AuthorizationRequest
    {
        // Checked first and answered on a page: an oversize state must not be echoed into a redirect.
        for (name, value, limit) in [
            ("state", parameters.state, Self.maximumStateBytes), ("nonce", parameters.nonce, Self.maximumNonceBytes),
        ] {
            if let length = value?.utf8.count, length > limit {
                throw AuthorizeError.page(
                    "invalid_request: the \(name) parameter is \(length) bytes long; at most \(limit) are accepted.")
            }
        }
        let tenantID = tenant.tenant.id
        guard let clientID = parameters.clientID, !clientID.isEmpty else {
            throw AuthorizeError.page("The client_id parameter is required.")
        }
        guard let client = try await storage.client(clientID, tenantID: tenantID) else {
            throw AuthorizeError.page("Unknown client: \(clientID). Check the client_id of your application.")
        }
        guard let redirectURI = parameters.redirectURI, !redirectURI.isEmpty else {
            throw AuthorizeError.page("The redirect_uri parameter is required.")
        }
        // Exact string match only: prefix or wildcard matching has led to code theft in other servers.
        guard client.callbacks.contains(redirectURI) else {
            throw AuthorizeError.page(
                "The redirect_uri \(redirectURI) is not an allowed callback URL of client \(client.id). "
                    + "Add it to the client's callbacks.")
        }
        let modeName = parameters.responseMode ?? ResponseMode.query.rawValue
        guard let responseMode = ResponseMode(rawValue: modeName) else {
            throw AuthorizeError.page("Unsupported response_mode \(modeName): use query or web_message.")
        }
        let target = AuthorizationResponseTarget(
            redirectURI: redirectURI, responseMode: responseMode, state: parameters.state,
            webOrigins: client.webOrigins)
        func fail(_ code: String, _ message: String) -> AuthorizeError {
            .redirect(code: code, message: message, target: target)
        }

        guard client.allows(grantType: GrantType.authorizationCode) else {
            throw fail("unauthorized_client", "Client \(client.id) may not use the authorization code flow.")
        }
        guard parameters.responseType == "code" else {
            throw fail("unsupported_response_type", "Only response_type=code is supported.")
        }
        let challenge = parameters.codeChallenge.flatMap { $0.isEmpty ? nil : $0 }
        if let challenge {
            guard (parameters.codeChallengeMethod ?? PKCE.s256) == PKCE.s256 else {
                throw fail("invalid_request", "Only code_challenge_method=S256 is supported.")
            }
            guard challenge.utf8.count == 43, PKCE.isWellFormed(challenge) else {
                throw fail("invalid_request", "code_challenge must be the base64url SHA-256 of the code verifier.")
            }
        } else if client.secretHash == nil {
            throw fail(
                "invalid_request", "A public client must send code_challenge with code_challenge_method=S256 (PKCE).")
        }
        let prompt: Prompt
        switch parameters.prompt ?? "" {
        case "": prompt = .automatic
        case "login": prompt = .login
        case "none": prompt = .none
        case let other: throw fail("invalid_request", "Unsupported prompt value \(other): use login or none.")
        }
        let organization = try await resolveOrganization(parameters.organization, tenant: tenant, fail: fail)
        let scope = parameters.scope.flatMap { $0.isEmpty ? nil : $0 } ?? "openid"
        return AuthorizationRequest(
            client: client, target: target, scope: scope, nonce: parameters.nonce,
            audience: parameters.audience.flatMap { $0.isEmpty ? nil : $0 }, organization: organization,
            codeChallenge: challenge, prompt: prompt)
    }

    /// The organization named by id (`org_...`), or by name when the tenant allows names.
    private func resolveOrganization(
        _ reference: String?, tenant: TenantContext, fail: (String, String) -> AuthorizeError
    ) async throws -> Organization? {
        guard let reference, !reference.isEmpty else { return nil }
        let tenantID = tenant.tenant.id
        if reference.hasPrefix("org_") {
            if let organization = try await storage.organization(reference, tenantID: tenantID) { return organization }
        } else if tenant.tenant.settings.allowOrganizationNameInToken {
            if let organization = try await storage.organization(named: reference.lowercased(), tenantID: tenantID) {
                return organization
            }
        } else {
            throw fail("invalid_request", "Pass the organization id (org_...): this tenant does not accept names.")
        }
        throw fail("invalid_request", "No such organization: \(reference).")
    }

    /// Throws `access_denied` unless `userID` belongs to the request's organization (if it names one).
    public func requireMembership(userID: String, request: AuthorizationRequest, tenantID: String) async throws {
        guard let organization = request.organization else { return }
        guard try await storage.isMember(userID: userID, organizationID: organization.id, tenantID: tenantID) else {
            throw AuthorizeError.redirect(
                code: "access_denied", message: "user \(userID) is not part of the \(organization.id) organization",
                target: request.target)
        }
    }
}
