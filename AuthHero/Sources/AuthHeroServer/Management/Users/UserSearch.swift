import AuthHeroCore
import Foundation
import HTTPTypes

/// Reads `q` of `GET /api/v2/users`: Auth0's Lucene syntax restricted to the email field (`email:"x@y"` exact,
/// `email:*shop*` contains) or a plain part of an email address.
enum UserSearch {
    /// The email filter `q` asks for; nil when `q` is absent or blank. Any other field is a 400
    /// `invalid_query_string` rather than a silently unfiltered list.
    static func parse(_ q: String?) throws(ManagementError) -> UserEmailQuery? {
        guard let q = q?.trimmingCharacters(in: .whitespaces), !q.isEmpty else { return nil }
        guard let colon = q.firstIndex(of: ":") else { return .contains(unquoted(q)) }
        guard q[..<colon].lowercased() == "email" else {
            throw ManagementError(
                status: .badRequest, errorCode: "invalid_query_string",
                message: "Only the email field can be searched: q=email:\"someone@example.com\", "
                    + "q=email:*part*, or q=<part of an email>.")
        }
        let value = unquoted(String(q[q.index(after: colon)...]))
        guard value.contains("*") else { return .exact(value) }
        let text = value.replacingOccurrences(of: "*", with: "")
        return text.isEmpty ? nil : .contains(text)
    }

    private static func unquoted(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 2, trimmed.hasPrefix("\""), trimmed.hasSuffix("\"") else { return trimmed }
        return String(trimmed.dropFirst().dropLast())
    }
}
