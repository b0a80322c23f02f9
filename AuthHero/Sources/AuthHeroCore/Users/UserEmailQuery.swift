/// How `GET /api/v2/users?q=` filters users by email: `email:"x@y"` (exact, case-insensitive) or a plain
/// substring.
public enum UserEmailQuery: Sendable, Equatable {
    /// The email equals this value, ignoring case.
    case exact(String)
    /// The email contains this value, ignoring case.
    case contains(String)
}
