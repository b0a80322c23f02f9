import Foundation

/// Why the control-plane seed refused to run; nothing was written.
public enum ControlPlaneSeedError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The administrator's email belongs to an account the seed did not create and nobody named with
    /// `--promote-existing`: with open sign-up, anyone may have registered it first, so it is not made platform staff.
    case existingAccountNotPromoted(email: String, userID: String, createdAt: Date)

    public var description: String {
        switch self {
        case .existingAccountNotPromoted(let email, let userID, let createdAt):
            let created = ISO8601DateFormatter().string(from: createdAt)
            return "the control plane already has an account \(email) (user \(userID), signed up \(created)) that seed "
                + "did not create, so it was not made platform-admin and nothing was seeded. Anyone can sign up "
                + "with any address: if that account is yours, run seed again with --promote-existing \(email); "
                + "otherwise delete it, or choose another administrator email (--admin-email or ADMIN_EMAIL)"
        }
    }
}
