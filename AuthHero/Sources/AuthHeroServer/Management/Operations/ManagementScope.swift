/// The scope a Management API operation needs, as the router checks it and the document states it.
enum ManagementScope: Sendable, Equatable, ExpressibleByStringLiteral {
    /// A scope the token must grant (in `scope` or `permissions`), checked before the body is read. A string literal
    /// is this case.
    case token(String)
    /// None checked before the handler: any caller the authorization middleware admitted reaches it, and the handler
    /// applies the operation's own rule (a self-service route, or a scope an organization role may grant, which
    /// needs the target first).
    case checkedByHandler

    init(stringLiteral scope: String) {
        self = .token(scope)
    }

    /// The scope checked before the handler runs; nil when the handler checks.
    var required: String? {
        guard case .token(let scope) = self else { return nil }
        return scope
    }
}
