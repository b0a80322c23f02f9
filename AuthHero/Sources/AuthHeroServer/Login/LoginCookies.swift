import AuthHeroCore
import Foundation
import Hummingbird

/// The cookies of interactive login. All are host-only (no `Domain`), so `coffee-shop.localhost` and `localhost`
/// never share one, and `HttpOnly`. Over https they are `SameSite=None; Secure`, which silent authentication in an
/// iframe of the application's site needs; over plain http (development) browsers refuse `None` without `Secure`,
/// so they fall back to `Lax`.
enum LoginCookies {
    /// The login session.
    static let session = "authhero_session"
    /// The CSRF token of the open login transaction (double submit: it must equal the form's field).
    static let csrf = "authhero_csrf"

    /// The session cookie for `value`, lasting as long as the session.
    static func session(_ value: String, issuer: String) -> Cookie {
        make(session, value: value, maxAge: Int(LoginSessions.lifetime), path: "/", issuer: issuer)
    }

    /// A cookie that makes the browser forget the session.
    static func clearedSession(issuer: String) -> Cookie {
        make(session, value: "", maxAge: 0, path: "/", issuer: issuer)
    }

    /// The CSRF cookie of a login transaction, sent back only to the login pages (for as long as a transaction
    /// lives by default; an expired transaction is refused whatever the cookie says).
    static func csrf(_ transaction: LoginTransaction, issuer: String) -> Cookie {
        make(
            csrf, value: transaction.csrfToken, maxAge: Int(LoginTransactionLimits.defaultLifetime), path: "/u/",
            issuer: issuer)
    }

    private static func make(_ name: String, value: String, maxAge: Int, path: String, issuer: String) -> Cookie {
        let secure = issuer.hasPrefix("https://")
        return Cookie(
            name: name, value: value, maxAge: maxAge, path: path, secure: secure, httpOnly: true,
            sameSite: secure ? .none : .lax)
    }
}
