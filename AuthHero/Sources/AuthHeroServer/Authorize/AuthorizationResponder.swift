import AuthHeroCore
import Foundation
import Hummingbird

/// Sends an `/authorize` outcome where it belongs: a page for untrusted requests, otherwise the validated redirect
/// URI, by query redirect or by `web_message`.
struct AuthorizationResponder: Sendable {
    let pages: PageRenderer

    /// The answer carrying a fresh code.
    func code(_ code: String, target: AuthorizationResponseTarget) -> Response {
        answer(["code": code], target: target)
    }

    /// The answer for an `AuthorizeError`.
    func error(_ error: AuthorizeError) -> Response {
        switch error {
        case .page(let message): pages.error(message)
        case .redirect(let code, let message, let target):
            answer(["error": code, "error_description": message], target: target)
        }
    }

    private func answer(_ values: [String: String], target: AuthorizationResponseTarget) -> Response {
        var values = values
        values["state"] = target.state
        switch target.responseMode {
        case .query:
            var components = URLComponents(string: target.redirectURI) ?? URLComponents()
            components.queryItems =
                (components.queryItems ?? [])
                + values.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
            // `+` means a space to form decoders; encode it so a state or code survives the round trip.
            components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
            return Response(
                status: .found,
                headers: [.location: components.string ?? target.redirectURI, .cacheControl: "no-store"])
        case .webMessage:
            guard let origin = target.origin else { return pages.error("The redirect_uri has no origin.") }
            let json = (try? JSONSerialization.data(withJSONObject: values, options: [.sortedKeys])) ?? Data("{}".utf8)
            return pages.webMessage(
                responseJSON: String(decoding: json, as: UTF8.self), origin: origin, frameAncestors: target.webOrigins)
        }
    }
}
