import Foundation
import Hummingbird

/// The fields posted by the login and sign-up forms.
struct LoginForm: Decodable {
    var state: String?
    var csrfToken: String?
    var email: String?
    var password: String?

    private enum CodingKeys: String, CodingKey {
        case state
        case csrfToken = "csrf_token"
        case email, password
    }

    /// A form is a few hundred bytes; anything far larger is refused unread.
    static let maximumSize = 16 * 1024

    /// The decoded form, or nil when the body is not a readable form.
    static func decode(from request: Request) async -> LoginForm? {
        guard let buffer = try? await request.body.collect(upTo: maximumSize) else { return nil }
        return try? URLEncodedFormDecoder().decode(
            LoginForm.self, from: String(decoding: buffer.readableBytesView, as: UTF8.self))
    }
}
