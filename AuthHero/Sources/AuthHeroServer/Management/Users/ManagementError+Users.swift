import AuthHeroCore
import HTTPTypes

extension ManagementError {
    /// The Auth0-shaped refusal of a user write.
    init(_ error: UserAdministrationError) {
        switch error {
        case .unknownConnection, .invalidEmail, .weakPassword:
            self.init(status: .badRequest, errorCode: "invalid_body", message: error.description)
        case .emailTaken:
            // Auth0 reports a duplicate in a database connection as an identity-provider error.
            self.init(status: .conflict, errorCode: "auth0_idp_error", message: error.description)
        case .notFound:
            self = .userNotFound
        }
    }

    /// Runs a user write, turning its ``UserAdministrationError`` into the Auth0 answer.
    static func mapping<T>(_ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch let error as UserAdministrationError {
            throw ManagementError(error)
        }
    }
}
