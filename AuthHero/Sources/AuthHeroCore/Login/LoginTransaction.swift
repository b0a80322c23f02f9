import Foundation

/// One pass through the login or sign-up page for a validated authorization request. Its id travels in the page
/// URL; its CSRF token must come back in every form post (and in the CSRF cookie), so a form posted from another
/// site, or for another transaction, is refused.
public struct LoginTransaction: Sendable, Equatable {
    public let id: String
    public let tenantID: String
    public let csrfToken: String
    public let request: AuthorizationRequest
    public let expiresAt: Date

    /// Creates a transaction.
    public init(id: String, tenantID: String, csrfToken: String, request: AuthorizationRequest, expiresAt: Date) {
        self.id = id
        self.tenantID = tenantID
        self.csrfToken = csrfToken
        self.request = request
        self.expiresAt = expiresAt
    }

    /// Throws `LoginError.invalidCSRFToken` unless both the form field and the cookie carry this transaction's token.
    public func checkCSRF(formToken: String?, cookieToken: String?) throws {
        guard let formToken, let cookieToken, ConstantTime.equals(formToken, csrfToken),
            ConstantTime.equals(cookieToken, csrfToken)
        else { throw LoginError.invalidCSRFToken }
    }
}
