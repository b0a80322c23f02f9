import AuthHeroCore
import Foundation

/// What a resource server written through the Management API must satisfy.
enum ResourceServerRules {
    static let maximumTokenLifetime = 2_592_000
    static let maximumIdentifierLength = 600

    /// The identifier, non-empty and without surrounding spaces, or a 400.
    static func identifier(_ value: String) throws(ManagementError) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= maximumIdentifierLength else {
            throw ManagementError.invalidBody(
                "identifier must be 1 to \(maximumIdentifierLength) characters, e.g. https://api.example.com.")
        }
        return trimmed
    }

    /// The token lifetime in seconds, 1 to 30 days, or a 400.
    static func tokenLifetime(_ seconds: Int) throws(ManagementError) -> Int {
        guard (1...maximumTokenLifetime).contains(seconds) else {
            throw ManagementError.invalidBody("token_lifetime must be 1 to \(maximumTokenLifetime) seconds.")
        }
        return seconds
    }

    /// The scopes, each a non-empty value without spaces and none twice, or a 400.
    static func scopes(_ bodies: [ScopeBody]) throws(ManagementError) -> [ResourceServerScope] {
        var seen: Set<String> = []
        var scopes: [ResourceServerScope] = []
        for body in bodies {
            guard !body.value.isEmpty, !body.value.contains(where: \.isWhitespace), seen.insert(body.value).inserted
            else {
                throw ManagementError.invalidBody(
                    "Scope values must be non-empty, without spaces, and listed once (\"\(body.value)\").")
            }
            scopes.append(ResourceServerScope(value: body.value, description: body.description ?? ""))
        }
        return scopes
    }
}
