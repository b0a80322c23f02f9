/// What a caller needs to reach a Management API operation, as the router enforces it and the document states it.
enum ManagementScope: Sendable, Equatable, ExpressibleByStringLiteral {
    /// A scope the token must grant (in `scope` or `permissions`), checked before the body is read. A string literal
    /// is this case.
    case token(String)
    /// Any caller the authorization middleware admitted: self-service routes, whose handlers apply their own rules.
    case anyCaller
    /// A scope the token grants or the caller's roles in the organization linked to the target tenant grant; the
    /// handler checks it, since it must find the tenant first.
    case tokenOrOrganizationRole(String)

    init(stringLiteral scope: String) {
        self = .token(scope)
    }

    /// The operation's description in the OpenAPI document; nil when any caller may call it.
    var documentation: String? {
        switch self {
        case .token(let scope): "Needs the scope `\(scope)`."
        case .anyCaller: nil
        case .tokenOrOrganizationRole(let scope):
            "Needs `\(scope)`, granted by the token or by the caller's roles in the tenant's organization."
        }
    }
}
