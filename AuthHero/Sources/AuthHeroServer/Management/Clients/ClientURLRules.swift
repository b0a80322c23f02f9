import AuthHeroCore
import Foundation

/// The URL lists of a client: redirect targets (`callbacks`, `allowed_logout_urls`) and origins (`web_origins`,
/// `allowed_origins`), matched exactly at `/authorize`, `/v2/logout` and in CORS, so each must be a precise value.
enum ClientURLRules {
    static let maximumURLLength = 2048

    /// Absolute URLs without fragment (RFC 6749 §3.1.2) or wildcard; http(s) with a host, or for native apps also a
    /// custom scheme (`com.example.app:/callback`, RFC 8252 §7.1).
    static func redirectURLs(_ values: [String], field: String, appType: ApplicationType) throws(ManagementError)
        -> [String]
    {
        try checkList(values, field: field)
        for value in values {
            guard let url = components(value), let scheme = url.scheme?.lowercased(), url.fragment == nil else {
                throw .invalidBody("\(field): \"\(value)\" must be an absolute URL without a #fragment.")
            }
            let web = scheme == "http" || scheme == "https"
            guard web ? url.host?.isEmpty == false : appType == .native else {
                throw .invalidBody(
                    "\(field): \"\(value)\" must be an http(s) URL with a host (custom schemes only for native apps).")
            }
        }
        return values
    }

    /// Origins: `scheme://host[:port]` with nothing after it (a trailing `/` is tolerated).
    static func origins(_ values: [String], field: String) throws(ManagementError) -> [String] {
        try checkList(values, field: field)
        for value in values {
            guard let url = components(value), let scheme = url.scheme?.lowercased(),
                scheme == "http" || scheme == "https", url.host?.isEmpty == false, url.path.isEmpty || url.path == "/",
                url.query == nil, url.fragment == nil, url.user == nil
            else {
                throw .invalidBody("\(field): \"\(value)\" must be an origin such as https://app.example.com.")
            }
        }
        return values
    }

    private static func checkList(_ values: [String], field: String) throws(ManagementError) {
        guard values.count <= ClientRules.maximumListLength else {
            throw .invalidBody("\(field) may hold at most \(ClientRules.maximumListLength) entries.")
        }
        for value in values where value.isEmpty || value.count > maximumURLLength {
            throw .invalidBody("\(field) entries must be 1 to \(maximumURLLength) characters.")
        }
    }

    /// Parsed components, or nil for text that is no URL or holds spaces or wildcards.
    private static func components(_ value: String) -> URLComponents? {
        guard !value.contains(where: { $0.isWhitespace || $0 == "*" }) else { return nil }
        return URLComponents(string: value)
    }
}
