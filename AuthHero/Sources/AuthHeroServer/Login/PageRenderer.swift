import AuthHeroCore
import Hummingbird
import Mustache

/// Renders the login pages from `PageTemplates` with their security headers. The templates are parsed once.
struct PageRenderer: Sendable {
    private let library: MustacheLibrary

    init() {
        // The templates are constants of this module; a parse error is a programming error caught by every test.
        library = MustacheLibrary(templates: [
            "head": try! MustacheTemplate(string: PageTemplates.head),
            "login": try! MustacheTemplate(string: PageTemplates.login),
            "signup": try! MustacheTemplate(string: PageTemplates.signup),
            "error": try! MustacheTemplate(string: PageTemplates.error),
            "web_message": try! MustacheTemplate(string: PageTemplates.webMessage),
        ])
    }

    /// A login-flow page: never framed, never cached.
    func page(_ name: String, _ values: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        html(
            library.render(values, withTemplate: name) ?? "", status: status,
            headers: [
                .contentSecurityPolicy:
                    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'",
                .xFrameOptions: "DENY",
            ])
    }

    /// An error page for problems found before the redirect URI is trusted.
    func error(_ message: String, status: HTTPResponse.Status = .badRequest) -> Response {
        page("error", ["title": "Error", "message": message], status: status)
    }

    /// The `web_message` page; it may be framed only by `frameAncestors` (the client's web origins).
    func webMessage(responseJSON: String, origin: String, frameAncestors: [String]) -> Response {
        let nonce = RandomToken.make(byteCount: 16)
        let ancestors = frameAncestors.isEmpty ? "'none'" : frameAncestors.joined(separator: " ")
        return html(
            library.render(
                ["nonce": nonce, "origin": origin, "response": responseJSON], withTemplate: "web_message") ?? "",
            status: .ok,
            headers: [
                .contentSecurityPolicy: "default-src 'none'; script-src 'nonce-\(nonce)'; frame-ancestors \(ancestors)"
            ])
    }

    private func html(_ body: String, status: HTTPResponse.Status, headers: HTTPFields) -> Response {
        var headers = headers
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.referrerPolicy] = "no-referrer"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
